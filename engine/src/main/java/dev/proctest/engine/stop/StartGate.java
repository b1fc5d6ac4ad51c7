package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Holds a child that is no JVM at the start of its command, in a shell that waits for a line on
 * its standard input, until the test JVM has registered the child's process group with the {@link
 * Reaper}. Should the test JVM die in between, the pipe closes, the shell reads the end of its
 * input and exits, and the program never runs; without the hold it would run on with nobody to
 * end it. A Java child needs none: the first thing it does is to check that the test JVM lives.
 */
@API(status = INTERNAL, since = "0.1")
public final class StartGate {

    /** Runs the program in the shell's place once a line arrives; without one, exits with 125 (the program could not run). */
    private static final String SCRIPT = "read -r _ || exit 125; exec \"$@\"";

    private StartGate() {}

    /**
     * Returns the words that go before the program on the command line, after {@link
     * Os#launchPrefix}; none where there are no process groups, and so no reaper to wait for.
     */
    public static List<String> words() {
        return Os.hasProcessGroups() && Os.shell().isPresent() ? List.of(Os.shell().get().toString(), "-c", SCRIPT, "sh") : List.of();
    }

    /** Whether {@code command} starts with the gate, and so waits for {@link #open}. */
    public static boolean holds(List<String> command) {
        return command.contains(SCRIPT);
    }

    /**
     * Lets a held child run its program, once its group is registered; its input then ends at
     * once, as a child's does that is not held. Does nothing for a child that has ended.
     */
    public static void open(Process process) {
        OutputStream input = process.getOutputStream();
        try (input) {
            input.write("\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // it ended: there is nothing to let run
        }
    }
}

package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.support.Forks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Kills the process groups of the children when the test JVM dies, even by {@code SIGKILL}: a
 * small shell process, in a session of its own, reads group ids from a pipe and kills the groups
 * still registered once the pipe closes, which the kernel does when the test JVM is gone. This
 * catches what a child's own watch cannot: descendants of programs that are not JVMs, and
 * descendants whose parent already exited.
 */
@API(status = INTERNAL, since = "0.1")
public final class Reaper implements AutoCloseable {

    /**
     * "+id" registers a group, "-id" forgets it, "!id" kills it now (with the shell's own {@code
     * kill}, no process started); at end of input, every registered group is killed.
     */
    private static final String SCRIPT = String.join("\n",
            "groups=' '",
            "while IFS= read -r line; do",
            "  case \"$line\" in",
            "    !*) kill -KILL \"-${line#!}\" 2>/dev/null ;;",
            "    +*) groups=\"$groups${line#+} \" ;;",
            "    -*) id=\"${line#-}\"; case \"$groups\" in *\" $id \"*) groups=\"${groups%% $id *} ${groups#* $id }\" ;; esac ;;",
            "  esac",
            "done",
            "for id in $groups; do kill -KILL \"-$id\" 2>/dev/null; done");

    private final Process process;
    private final OutputStream commands;

    private Reaper(Process process) {
        this.process = process;
        this.commands = process.getOutputStream();
    }

    /** Starts a reaper, where the system has process groups. */
    public static Optional<Reaper> start() {
        if (!Os.hasProcessGroups()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.addAll(List.of("sh", "-c", SCRIPT));
        try {
            Process process = Forks.start(new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD));
            return Optional.of(new Reaper(process));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Registers the process group that {@code leader} leads. */
    public synchronized void register(long leader) {
        write("+" + leader);
    }

    /** Kills the group that {@code leader} leads, now, without waiting: the reaper's shell sends the signal. */
    public synchronized void kill(long leader) {
        write("!" + leader);
    }

    /** Forgets a group whose processes have all been stopped, so that a reused id is never killed. */
    public synchronized void forget(long leader) {
        write("-" + leader);
    }

    long pid() {
        return process.pid();
    }

    /** Ends the reaper; it kills the groups still registered, which a clean run has none of. */
    @Override
    public synchronized void close() {
        try {
            commands.close();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }

    private void write(String line) {
        try {
            commands.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        } catch (IOException e) {
            // The reaper is gone; children still have their own watch on the test JVM.
        }
    }
}

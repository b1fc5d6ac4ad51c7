package dev.proctest.engine.process;

import dev.proctest.Signal;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the operating system offers for controlling process trees. On Linux and macOS each child
 * starts in a process group of its own ({@code setsid}), so that its whole tree can be signalled
 * at once, also descendants whose parent has already exited.
 */
final class Os {

    private static final Optional<Path> SETSID = find("setsid");
    private static final Optional<Path> KILL = find("kill");

    private Os() {}

    /** Returns the command prefix that starts a program in a new process group, if the system has one. */
    static List<String> newProcessGroup() {
        return SETSID.map(setsid -> List.of(setsid.toString())).orElse(List.of());
    }

    static boolean hasProcessGroups() {
        return SETSID.isPresent() && KILL.isPresent();
    }

    /** Sends {@code signal} to one process. */
    static void signal(ProcessHandle process, Signal signal) {
        if (signal == Signal.KILL) {
            process.destroyForcibly();
        } else if (signal == Signal.TERM) {
            process.destroy();
        } else {
            kill(signal, Long.toString(process.pid()));
        }
    }

    /** Sends {@code signal} to every process of the group that {@code leader} leads. */
    static void signalGroup(long leader, Signal signal) {
        if (hasProcessGroups()) {
            kill(signal, "-" + leader);
        }
    }

    private static void kill(Signal signal, String target) {
        if (KILL.isEmpty()) {
            throw new UnsupportedOperationException("Cannot send SIG" + signal + ": this system has no kill command");
        }
        try {
            Process kill = new ProcessBuilder(KILL.get().toString(), "-s", signal.name(), "--", target)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot send SIG" + signal + " to " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> find(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

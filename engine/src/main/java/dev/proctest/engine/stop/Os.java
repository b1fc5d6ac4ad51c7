package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Signal;
import dev.proctest.engine.support.Forks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * What the operating system offers for controlling process trees. On Linux and macOS each child
 * starts in a process group of its own ({@code setsid}), so that its whole tree can be signalled
 * at once, also descendants whose parent has already exited.
 */
@API(status = INTERNAL, since = "0.1")
public final class Os {

    private static final Optional<Path> SETSID = find("setsid");
    private static final Optional<Path> KILL = find("kill");
    private static final Optional<Path> ENV = find("env").filter(Os::resetsSignals);
    private static final Optional<Path> SH = find("sh");

    private Os() {}

    /**
     * Returns the command prefix that starts a child: in a process group of its own if the system
     * has {@code setsid}, and with every signal handled the default way if its {@code env} can see
     * to it. A build started in the background ignores SIGINT and SIGQUIT, and children would
     * inherit that: a JVM that starts with SIGINT ignored never stops on it.
     */
    public static List<String> launchPrefix() {
        List<String> prefix = new ArrayList<>();
        ENV.ifPresent(env -> {
            prefix.add(env.toString());
            prefix.add("--default-signal");
        });
        SETSID.ifPresent(setsid -> prefix.add(setsid.toString()));
        return prefix;
    }

    /** Returns whether children start in process groups of their own. */
    public static boolean startsProcessGroups() {
        return SETSID.isPresent();
    }

    /** Returns the system's {@code sh}, found on the test JVM's path. */
    static Optional<Path> shell() {
        return SH;
    }

    public static boolean hasProcessGroups() {
        return SETSID.isPresent() && KILL.isPresent();
    }

    /** Sends {@code signal} to one process. */
    public static void signal(ProcessHandle process, Signal signal) {
        if (signal == Signal.KILL) {
            process.destroyForcibly();
        } else if (signal == Signal.TERM) {
            process.destroy();
        } else {
            kill(signal, Long.toString(process.pid()));
        }
    }

    /** Sends {@code signal} to every process of the group that {@code leader} leads. */
    public static void signalGroup(long leader, Signal signal) {
        if (hasProcessGroups()) {
            kill(signal, "-" + leader);
        }
    }

    private static void kill(Signal signal, String target) {
        kill(signal.name(), List.of(target));
    }

    /**
     * Sends the signal of this name ({@code TERM}, {@code STOP}...) to each target, a pid or a
     * process group as {@code -pgid}, with one {@code kill} command; returns once it has run.
     */
    public static void kill(String signal, List<String> targets) {
        if (KILL.isEmpty()) {
            throw new UnsupportedOperationException("Cannot send SIG" + signal + ": this system has no kill command");
        }
        List<String> command = new ArrayList<>(List.of(KILL.get().toString(), "-s", signal, "--"));
        command.addAll(targets);
        try {
            Process kill = Forks.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot send SIG" + signal + " to " + targets, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the process is stopped (state {@code T} in {@code /proc/<pid>/stat}), or gone, or
     * {@code timeout} has passed; returns at once where there is no {@code /proc}.
     */
    static void awaitStopped(long pid, Duration timeout) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (Files.exists(stat) && System.nanoTime() < deadline) {
                String text = Files.readString(stat);
                int end = text.lastIndexOf(')');
                if (end < 0 || end + 2 >= text.length() || text.charAt(end + 2) == 'T' || text.charAt(end + 2) == 't') {
                    return;
                }
                Thread.onSpinWait(); // a signal takes effect within a scheduling slice: no event to wait on
            }
        } catch (IOException e) {
            // gone meanwhile
        }
    }

    /**
     * Whether {@code process} has exited: also a zombie ({@code Z} in {@code /proc/<pid>/stat}),
     * which has ended and waits only for its parent to reap it, perhaps an init that takes its time
     * (one took 1.5 s for a hundred killed grandchildren); where there is no {@code /proc}, what
     * {@link ProcessHandle#isAlive} says.
     */
    static boolean hasExited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int end = text.lastIndexOf(')');
            return end >= 0 && end + 2 < text.length() && (text.charAt(end + 2) == 'Z' || text.charAt(end + 2) == 'X');
        } catch (IOException e) {
            return Files.isDirectory(Path.of("/proc", "self")); // gone meanwhile, where /proc tells; else it may be alive
        }
    }

    /** Whether {@code env} knows {@code --default-signal} (GNU coreutils 8.31 and later). */
    private static boolean resetsSignals(Path env) {
        try {
            Process probe = Forks.start(new ProcessBuilder(env.toString(), "--default-signal", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD));
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Signal;
import dev.proctest.internal.StopPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apiguardian.api.API;

/**
 * Stops a child with its whole process tree, descendants first: the stop signal to each (or the
 * stop message to the child), a wait, then {@code SIGKILL} for whatever is left, and a last {@code
 * SIGKILL} to the child's process group for descendants that lost their parent and so are no
 * longer seen as descendants.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProcessTree {

    /** How long a killed process may take to be gone; a SIGKILLed process is gone at once. */
    private static final Duration KILLED = Duration.ofSeconds(5);

    /** How often the killed descendants are looked at until all are gone. */
    private static final long GONE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ProcessTree() {}

    /** Sends a stop message within a timeout, or throws saying why it could not. */
    public interface MessageSender {
        void send(StopPlan.Message message, Duration timeout);
    }

    /**
     * Stops the process tree of {@code root} as {@code stop} says.
     *
     * @param ownGroup whether {@code root} leads a process group of its own, which is killed last
     * @param note writes a line to the child's log: why a stop message could not be sent
     * @return whether the child outlived the stop signal or message and had to be killed; a message
     *     that could not be sent counts as outlived
     */
    public static boolean stop(ProcessHandle root, boolean ownGroup, StopPlan stop, Duration timeout, MessageSender sender,
            Consumer<String> note) {
        List<ProcessHandle> descendants = deepestFirst(root);
        boolean ignored = false;
        if (root.isAlive() && stop.stopMessage().isPresent()) {
            try {
                sender.send(stop.stopMessage().get(), timeout);
                ignored = !awaitExit(root, timeout);
            } catch (RuntimeException e) {
                note.accept("could not be sent its stop message: " + e.getMessage());
                ignored = true;
            }
        } else if (root.isAlive()) {
            Signal signal = stop.firstSignal().orElseThrow();
            descendants.forEach(descendant -> signalQuietly(descendant, signal));
            signalQuietly(root, signal);
            ignored = signal != Signal.KILL && !awaitExit(root, timeout);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        if (ownGroup) {
            Os.signalGroup(root.pid(), Signal.KILL);
        }
        awaitExit(root, KILLED);
        awaitGone(descendants, KILLED);
        return ignored;
    }

    /**
     * Sends {@code SIGKILL} to the whole tree of {@code root} and returns at once, without waiting
     * for the processes to be gone.
     *
     * @param killGroup kills the process group a leader leads, for descendants that left the tree
     */
    public static void killNow(ProcessHandle root, boolean ownGroup, LongConsumer killGroup) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
        if (ownGroup) {
            killGroup.accept(root.pid());
        }
    }

    /**
     * Sends {@code signal}, such as {@code STOP} or {@code CONT}, to the whole tree of {@code root}:
     * its group, and descendants outside it. A {@code STOP} returns once the root has stopped, where
     * {@code /proc} tells, waiting at most a second: a signal is delivered when its process is next
     * scheduled.
     */
    public static void signalTree(ProcessHandle root, boolean ownGroup, String signal) {
        List<String> targets = new ArrayList<>();
        if (ownGroup) {
            targets.add("-" + root.pid());
        } else {
            targets.add(Long.toString(root.pid()));
        }
        root.descendants().forEach(descendant -> targets.add(Long.toString(descendant.pid())));
        Os.kill(signal, targets);
        if (signal.equals("STOP")) {
            Os.awaitStopped(root.pid(), Duration.ofSeconds(1));
        }
    }

    /**
     * Returns the descendants of {@code root}, deepest first, each parent looked up once: a look-up
     * reads {@code /proc}, and a sort that looked up a process's ancestors at each comparison took
     * seconds for a hundred grandchildren on a busy machine, before the stop had even begun.
     */
    private static List<ProcessHandle> deepestFirst(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        Map<Long, Long> parents = new HashMap<>();
        for (ProcessHandle descendant : descendants) {
            descendant.parent().ifPresent(parent -> parents.put(descendant.pid(), parent.pid()));
        }
        Map<Long, Integer> depths = new HashMap<>();
        for (ProcessHandle descendant : descendants) {
            depths.put(descendant.pid(), depth(descendant.pid(), parents, root.pid()));
        }
        return descendants.stream().sorted(Comparator.comparingInt((ProcessHandle descendant) -> depths.get(descendant.pid())).reversed())
                .toList();
    }

    /** How many parents up {@code root} is from {@code pid}, going by {@code parents}. */
    private static int depth(long pid, Map<Long, Long> parents, long root) {
        int depth = 1;
        for (Long parent = parents.get(pid); parent != null && parent != root && depth < 64; parent = parents.get(parent)) {
            depth++;
        }
        return depth;
    }

    private static void signalQuietly(ProcessHandle process, Signal signal) {
        try {
            Os.signal(process, signal);
        } catch (RuntimeException e) {
            // It exited meanwhile, or the signal cannot be sent: the SIGKILL that follows ends it either way.
        }
    }

    /**
     * Waits until all of {@code processes} have exited, or {@code timeout} has passed, looking every
     * few milliseconds: the exit of a process that is not the test JVM's own child is learnt by a
     * poll anyway ({@code onExit} of such a process sleeps 300 ms and more between looks), and one
     * wait for each of a hundred grandchildren in turn added seconds.
     */
    private static void awaitGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> left = new ArrayList<>(processes);
        while (true) {
            left.removeIf(Os::hasExited);
            if (left.isEmpty() || System.nanoTime() - deadline >= 0) {
                return;
            }
            LockSupport.parkNanos(GONE_POLL_NANOS); // the pause between looks, inside the deadline
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}

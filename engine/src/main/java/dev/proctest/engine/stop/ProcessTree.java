package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Signal;
import dev.proctest.internal.StopPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        descendants.forEach(descendant -> awaitExit(descendant, KILLED));
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

    private static List<ProcessHandle> deepestFirst(ProcessHandle root) {
        return root.descendants().sorted(Comparator.comparingInt(ProcessTree::depth).reversed()).toList();
    }

    private static int depth(ProcessHandle process) {
        int depth = 0;
        for (ProcessHandle current = process; current.parent().isPresent() && depth < 64; current = current.parent().get()) {
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

package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.report.ChildReport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The end of one child: waiting for its exit, and for its log to have all it wrote once it has
 * exited (its pipes close, its runtime's last records come in).
 */
final class ChildExit {

    /**
     * How long an ended child's last output may take to reach its log: more than its log waits
     * for an END that does not come. Only a grandchild that escaped the stop and holds the child's
     * pipes open makes a wait last this long.
     */
    private static final long SETTLE_MILLIS = 5_000;

    /**
     * How long past its deadline a wait that saw the child exit waits for its last output: what a
     * child wrote as it exited is in its log within milliseconds, unless a descendant holds its
     * pipes open, and the wait then keeps its deadline.
     */
    private static final long LATE_MILLIS = 200;

    /** How long a child that the system has reaped may take to show as ended to its {@link Process}. */
    private static final long REAPED_MILLIS = 1_000;

    private final RunningChild child;
    private final Process process;
    private final ChildLog log;
    private final CompletableFuture<Void> exitNoted;
    private volatile boolean awaited;
    private volatile boolean settleGaveUp;

    ChildExit(RunningChild child, Process process, ChildLog log, ChildStatus status) {
        this.child = child;
        this.process = process;
        this.log = log;
        status.events().started("pid " + process.pid());
        this.exitNoted = process.onExit().thenRun(() -> {
            status.events().exited(process.exitValue());
            log.exited(process.exitValue());
            status.changes().signal();
        });
    }

    /**
     * Whether the child runs. A child that the system has reaped has ended, though its {@link
     * Process} may learn so a moment later: the JDK may first tell a caller that waits on the
     * child's {@code ProcessHandle.onExit()}, which then asks. This waits for the {@code Process}
     * to catch up, up to {@link #REAPED_MILLIS}.
     */
    boolean alive() {
        return alive(process);
    }

    static boolean alive(Process process) {
        if (!process.isAlive()) {
            return false;
        }
        if (ProcessHandle.of(process.pid()).isPresent()) {
            return true;
        }
        try {
            process.waitFor(REAPED_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.isAlive();
    }

    /** Waits for the exit, then for the log; returns the exit code. */
    int await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChildProcessException(ChildReport.of(child, "did not exit within " + Durations.format(timeout)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "was still running when the wait for its exit was interrupted"), e);
        }
        awaited = true;
        settleLog(deadline); // what it logged before it exited is there to read once this returns
        return process.exitValue();
    }

    /** Whether the test waited for the exit: then it is no surprise. */
    boolean wasAwaited() {
        return awaited;
    }

    /** Waits, a bounded time and only once in vain, for everything the ended child wrote to be in its log. */
    void settleLog() {
        settle(SETTLE_MILLIS);
    }

    /**
     * Like {@link #settleLog()} for a wait that ends at {@code deadline} ({@link System#nanoTime}):
     * it waits until then, or {@link #LATE_MILLIS} if the child exited later, and no longer; a log
     * not complete by then may complete later.
     */
    void settleLog(long deadline) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        settle(Math.min(SETTLE_MILLIS, Math.max(LATE_MILLIS, remaining)));
    }

    private void settle(long millis) {
        if (settleGaveUp || process.isAlive()) {
            return;
        }
        try {
            exitNoted.join(); // the log learns of the exit first
            // a wait given less than the full time has not given up: a later one may wait again
            settleGaveUp = !log.awaitComplete(millis) && millis == SETTLE_MILLIS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.flush(); // what is in, readable in the file, even if a grandchild still holds a pipe open
        }
    }
}

package dev.proctest.engine.child;

import dev.proctest.Stop;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.stop.ProcessTree;
import dev.proctest.internal.Api;
import dev.proctest.internal.StopPlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Stops, kills, pauses and resumes one child with its whole process tree. A stop asks a Java child
 * for its coverage first (a signal may end it before its agent writes, a kill always does), stops
 * the tree ({@link ProcessTree}), waits for the child's last records and writes to its log how it
 * was stopped. An explicit kill returns once the signal is sent: the log settles in the background.
 */
final class ChildStopping {

    /** How long a child may take to write its coverage before it is stopped anyway. */
    private static final Duration COVERAGE_DUMP_TIMEOUT = Duration.ofSeconds(2);

    /**
     * What stopping needs of the run.
     *
     * @param messages sends the stop messages of children stopped over their own protocol
     * @param ownGroup whether children start in process groups of their own
     * @param killGroup kills a child's process group at once, without waiting
     */
    record Means(ProcessTree.MessageSender messages, boolean ownGroup, LongConsumer killGroup) {}

    private final RunningChild child;
    private final Means means;
    /** How long a stop waits before it kills, unless the stop has its own timeout. */
    private final Duration stopTimeout;
    /** What the log is still to say about a kill, once the child's last records are in. */
    private final AtomicReference<String> pendingNote = new AtomicReference<>();
    private volatile boolean requested;
    private volatile boolean paused;

    ChildStopping(RunningChild child, Means means, Duration stopTimeout) {
        this.child = child;
        this.means = means;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Stops the child and its process tree as {@code stop} says, and returns once all have exited.
     *
     * @return whether the child outlived its stop signal and had to be killed
     */
    synchronized boolean stop(Stop stop) {
        requested = true;
        resume(); // a frozen child cannot hear its stop
        StopPlan plan = Api.stop(stop);
        boolean wasAlive = child.isAlive();
        if (wasAlive) {
            child.events().add("stopping", plan.kills() ? "SIGKILL" : String.valueOf(plan.first()));
        }
        if (wasAlive && child.connection() != null) {
            child.connection().dumpCoverage(COVERAGE_DUMP_TIMEOUT);
        }
        Duration timeout = plan.ownTimeout().orElse(stopTimeout);
        boolean ignoredSignal = ProcessTree.stop(child.process().toHandle(), means.ownGroup(), plan, timeout, means.messages(),
                child.log()::note);
        child.settleLog(); // the child's last records and its exit first, then how it came about
        writePendingNote();
        if (wasAlive) {
            String how = ignoredSignal ? "did not exit within " + Durations.format(timeout) + " of " + plan.first() + "; killed"
                    : plan.kills() ? "killed with SIGKILL" : "stopped with " + plan.first();
            child.events().add(ignoredSignal || plan.kills() ? "killed" : "stopped", how);
            child.log().note(how);
            child.log().flush();
        }
        return ignoredSignal;
    }

    /**
     * Sends {@code SIGKILL} to the child's whole tree and returns at once; no coverage is asked for
     * (a killed child keeps what its last periodic write saved). Its log settles in the background
     * and then says it was killed.
     */
    void kill() {
        requested = true;
        if (!child.isAlive()) {
            return;
        }
        paused = false; // SIGKILL ends a stopped process too
        pendingNote.set("killed with SIGKILL");
        child.events().add("killed", "SIGKILL");
        ProcessTree.killNow(child.process().toHandle(), means.ownGroup(), means.killGroup());
        child.process().onExit().thenRunAsync(() -> {
            child.settleLog();
            writePendingNote();
        }, task -> {
            Thread thread = new Thread(task, "proctest-" + child.name() + "-killed");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Freezes the child's whole tree with {@code SIGSTOP}. */
    synchronized void pause() {
        if (!child.isAlive()) {
            throw new IllegalStateException("Cannot pause child '" + child.name() + "': it has exited"
                    + child.exitCode().stream().mapToObj(code -> " with code " + code).findFirst().orElse(""));
        }
        if (!paused) {
            ProcessTree.signalTree(child.process().toHandle(), means.ownGroup(), "STOP");
            paused = true;
            child.events().add("paused", "SIGSTOP");
            child.log().note("paused with SIGSTOP");
        }
    }

    /** Lets a paused child's tree run on with {@code SIGCONT}; does nothing for a child that is not paused. */
    synchronized void resume() {
        if (paused) {
            paused = false;
            if (child.isAlive()) {
                ProcessTree.signalTree(child.process().toHandle(), means.ownGroup(), "CONT");
                child.events().add("resumed", "SIGCONT");
                child.log().note("resumed with SIGCONT");
            }
        }
    }

    boolean isPaused() {
        return paused && child.isAlive();
    }

    /** Whether the child has been asked to stop: its exit then is no surprise. */
    boolean wasRequested() {
        return requested;
    }

    /** Writes what the log is still to say about a kill, once the child has ended and its log settled. */
    void notePending() {
        writePendingNote();
    }

    private void writePendingNote() {
        String note = pendingNote.getAndSet(null);
        if (note != null) {
            child.log().note(note);
            child.log().flush();
        }
    }
}

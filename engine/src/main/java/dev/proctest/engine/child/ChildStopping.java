package dev.proctest.engine.child;

import dev.proctest.Stop;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.stop.ProcessTree;
import dev.proctest.internal.Api;
import dev.proctest.internal.StopPlan;
import java.time.Duration;

/**
 * Stops one child: asks a Java child to write its coverage first (a signal may end it before its
 * agent writes, a kill always does), stops its process tree ({@link ProcessTree}), waits for its
 * last records, and writes to its log how it was stopped.
 */
final class ChildStopping {

    /** How long a child may take to write its coverage before it is stopped anyway. */
    private static final Duration COVERAGE_DUMP_TIMEOUT = Duration.ofSeconds(2);

    /**
     * What stopping needs of the run.
     *
     * @param messages sends the stop messages of children stopped over their own protocol
     * @param ownGroup whether children start in process groups of their own
     */
    record Means(ProcessTree.MessageSender messages, boolean ownGroup) {}

    private final RunningChild child;
    private final Means means;
    private volatile boolean requested;

    ChildStopping(RunningChild child, Means means) {
        this.child = child;
        this.means = means;
    }

    /**
     * Stops the child and its process tree as {@code stop} says.
     *
     * @return whether the child outlived its stop signal and had to be killed
     */
    boolean stop(Stop stop) {
        requested = true;
        StopPlan plan = Api.stop(stop);
        boolean wasAlive = child.isAlive();
        if (wasAlive && child.connection() != null) {
            child.connection().dumpCoverage(COVERAGE_DUMP_TIMEOUT);
        }
        Duration timeout = plan.ownTimeout().orElse(child.stopTimeout());
        boolean ignoredSignal = ProcessTree.stop(child.process().toHandle(), means.ownGroup(), plan, timeout, means.messages(),
                child.log()::note);
        child.settleLog(); // the child's last records and its exit first, then how it came about
        if (wasAlive) {
            child.log().note(ignoredSignal ? "did not exit within " + Durations.format(timeout) + " of " + plan.first() + "; killed"
                    : plan.kills() ? "killed with SIGKILL" : "stopped with " + plan.first());
            child.log().flush();
        }
        return ignoredSignal;
    }

    /** Whether the child has been asked to stop: its exit then is no surprise. */
    boolean wasRequested() {
        return requested;
    }
}

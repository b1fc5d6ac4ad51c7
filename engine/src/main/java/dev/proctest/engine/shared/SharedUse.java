package dev.proctest.engine.shared;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.Endpoint;
import dev.proctest.Shared;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.engine.support.Changes;
import java.util.ArrayList;
import java.util.List;

/**
 * One scope's use of a shared child, the {@link Shared} its test is given: what the child threw
 * or logged while the scope used it, and its end before the run's, which fails the scope once.
 */
final class SharedUse implements Shared {

    private final SharedInstance instance;
    private final RunningChild child;
    private final Changes scopeChanges;
    /** Faults handed to this scope, not yet reported; guarded by this. */
    private final List<ChildProcessException> pending = new ArrayList<>();
    private boolean endReported;

    SharedUse(SharedInstance instance, RunningChild child, Changes scopeChanges) {
        this.instance = instance;
        this.child = child;
        this.scopeChanges = scopeChanges;
    }

    @Override
    public ChildProcess child() {
        return child;
    }

    @Override
    public Endpoint endpoint(String name) {
        return instance.endpoint(name);
    }

    RunningChild runningChild() {
        return child;
    }

    Changes scopeChanges() {
        return scopeChanges;
    }

    synchronized void deliver(ChildProcessException fault) {
        pending.add(fault);
    }

    /**
     * Returns what the child threw or logged that fails the scope, and, once, that it ended while
     * the scope used it; takes them as reported.
     */
    List<ChildProcessException> faults() {
        instance.collect();
        List<ChildProcessException> faults;
        synchronized (this) {
            faults = new ArrayList<>(pending);
            pending.clear();
            if (endReported || child.isAlive() || instance.hasRunEnded()) {
                return faults;
            }
            endReported = true;
        }
        child.settleLog();
        faults.add(new ChildProcessException(ChildReport.of(child, "is the shared child of " + instance.type().getName()
                + ", started for the run when " + instance.firstAsker() + " asked for it, and ended while this test was using it;"
                + " it is not started again, so the tests that ask for it from now on fail")));
        return faults;
    }

    /** Ends the use; returns what the scope is still to be told of. */
    List<ChildProcessException> close() {
        List<ChildProcessException> faults = faults();
        instance.leave(this);
        child.log().flush(); // the file attached to the test has what the child logged while it ran
        return faults;
    }
}

package dev.proctest.engine.faults;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import dev.proctest.LogRecord;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.report.ReportedChild;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * What one child threw and logged that fails its test, as its records come into its log, until
 * the test is told: the first such fault is reported, the others after it are counted. What the
 * child throws or logs once proctest has begun to stop it is part of its end, and not a fault.
 * An exception that ended {@code main} is one only if the child's exit is not expected when it is
 * reported: a test that awaits the exit, or a spec that lets the child exit, expects it.
 */
@API(status = INTERNAL, since = "0.3")
public final class ChildFaults {

    private final FaultRules rules;
    private final BooleanSupplier stopping;
    private final BooleanSupplier exitExpected;
    private volatile FaultCheck scopeCheck = FaultCheck.NONE;
    private volatile boolean exitAwaited;
    private volatile boolean pending;
    /** The first fault not reported yet, other than an ended main; guarded by this. */
    private Fault first;
    /** How many faults came after {@link #first}, not reported yet. */
    private int more;
    /** The exception that ended main, not reported yet. */
    private Fault endedMain;
    private boolean mainEndReported;

    /**
     * @param stopping whether proctest has begun to stop the child
     * @param exitExpected whether the child may exit on its own, as its spec says or because the test awaited its exit
     */
    public ChildFaults(FaultRules rules, BooleanSupplier stopping, BooleanSupplier exitExpected) {
        this.rules = rules;
        this.stopping = stopping;
        this.exitExpected = exitExpected;
    }

    /** Judges every record of {@code log} from now on, before a test can read it: a test that has read it sees its fault. */
    public void watch(ChildLog log) {
        log.judgeWith(this::take);
    }

    private void take(LogRecord record) {
        if (stopping.getAsBoolean()) {
            return;
        }
        rules.judge(record).ifPresent(kind -> {
            synchronized (this) {
                Fault fault = new Fault(kind, record);
                if (kind == Fault.Kind.ENDED_MAIN) {
                    endedMain = fault;
                } else if (first == null) {
                    first = fault;
                } else {
                    more++;
                }
                pending = true;
            }
        });
    }

    /** Says how the faults of the children in view of the child's test are checked, before every wait of the child's. */
    public void checkWith(FaultCheck check) {
        this.scopeCheck = check;
    }

    /** Checks the faults of the children in view of the child's test: its scope's, with this child's own. */
    public void checkScope() {
        scopeCheck.check();
    }

    /** The test waits for the child's exit from now on: an exception that ended main is what it waits for. */
    public void exitAwaited() {
        exitAwaited = true;
    }

    /** Whether a fault may be waiting to be reported. */
    public boolean hasPending() {
        return pending;
    }

    /** Returns the report of the faults not reported yet, the first with the others counted, and takes them as reported. */
    public synchronized Optional<ChildProcessException> report(ReportedChild child) {
        if (!pending) {
            return Optional.empty();
        }
        pending = false;
        Fault main = endedMain != null && !exitAwaited && !exitExpected.getAsBoolean() ? endedMain : null;
        endedMain = null;
        Fault shown = first == null || main != null && main.record().sequence() < first.record().sequence() ? main : first;
        int others = more + (main != null && first != null ? 1 : 0);
        first = null;
        more = 0;
        if (shown == null) {
            return Optional.empty();
        }
        mainEndReported |= main != null;
        return Optional.of(new ChildProcessException(FaultReport.of(child, shown, others, rules)));
    }

    /** Whether an exception that ended main has been reported: it explains the child's exit, which needs no report of its own. */
    public synchronized boolean explainsExit() {
        return mainEndReported;
    }
}

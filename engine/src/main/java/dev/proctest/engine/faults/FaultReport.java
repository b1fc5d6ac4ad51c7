package dev.proctest.engine.faults;

import dev.proctest.Constants;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.engine.report.ReportedChild;

/**
 * The message a test fails with for what a child threw or logged: which child, what and where
 * (the thread, the stack trace, the record), how to allow it, and the child's last log lines with
 * the path of its log.
 */
final class FaultReport {

    private FaultReport() {}

    /** @param more how many faults of the child came after {@code fault} and are reported with it */
    static String of(ReportedChild child, Fault fault, int more, FaultRules rules) {
        LogRecord record = fault.record();
        String others = more == 0 ? "" : " (the first of " + (more + 1) + " things it threw or logged that fail the test; the others"
                + " are in its log)";
        if (fault.kind() == Fault.Kind.LOGGED) {
            return ChildReport.withDetail(child, "logged a record at " + record.level() + ", which fails the test under " + rules.levelSource()
                    + others + "; if it may log it, give the child's spec allowLogged(regex) with a pattern that finds it",
                    "  " + record.line().replace("\n", "\n  "));
        }
        LoggedThrowable thrown = record.throwable().orElseThrow();
        String simpleName = thrown.type().substring(thrown.type().lastIndexOf('.') + 1).replace('$', '.');
        boolean endedMain = fault.kind() == Fault.Kind.ENDED_MAIN;
        return ChildReport.withDetail(child, "threw " + thrown + " on thread \"" + record.thread() + "\" and nothing caught it"
                + (endedMain ? ", which ended its main" : "") + others + "; if the test expects it, give the child's spec allowUncaught("
                + simpleName + ".class)" + (endedMain ? " and mayExit() (or wait for its exit with awaitExit)" : "")
                + ", or set " + Constants.FAIL_UNCAUGHT + "=false", thrown.stackTrace().stripTrailing());
    }
}

package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the children of a failed test were doing, attached to its failure as a suppressed
 * exception: for each child its name, pid and state, its last log lines and the path of its log.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildrenReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ChildrenReport(String message) {
        super(message, null, false, false);
    }

    /** Returns the report on {@code children}, class scope's first, or empty if there are none. */
    public static Optional<ChildrenReport> of(List<? extends ReportedChild> children) {
        if (children.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("What the test's children were doing when it failed:");
        for (ReportedChild child : children) {
            child.settleLog(); // a child that has exited: its last lines, which matter most, may still be on their way
            text.append("\n").append(ChildReport.of(child, "").indent(2).stripTrailing());
        }
        return Optional.of(new ChildrenReport(text.toString()));
    }
}

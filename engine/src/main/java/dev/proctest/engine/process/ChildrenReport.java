package dev.proctest.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * What the children of a failed test were doing, attached to its failure as a suppressed
 * exception: for each child its name, pid and state, its last log lines and the path of its log.
 */
public final class ChildrenReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ChildrenReport(String message) {
        super(message, null, false, false);
    }

    /** Returns the report on the children of {@code owners}, class scope first, or empty if there are none. */
    public static Optional<ChildrenReport> combined(List<ScopedProcesses> owners) {
        return of(owners.stream().flatMap(owner -> owner.children().stream()).toList());
    }

    /** Returns the report on {@code children}, or empty if there are none. */
    static Optional<ChildrenReport> of(List<RunningChild> children) {
        if (children.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("What the test's children were doing when it failed:");
        for (RunningChild child : children) {
            child.settleLog(); // a child that has exited: its last lines, which matter most, may still be on their way
            text.append("\n").append(ChildReport.of(child, "").indent(2).stripTrailing());
        }
        return Optional.of(new ChildrenReport(text.toString()));
    }
}

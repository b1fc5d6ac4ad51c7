package dev.proctest.engine.scope;

import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.coordination.Parties;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** A scope's children as its barriers see them: by name, each as its newest run. */
final class ScopeParties implements Parties {

    private final Supplier<List<RunningChild>> children;
    private final Set<String> restarting;

    /**
     * @param children the scope's children, oldest first
     * @param restarting the names of the children being restarted
     */
    ScopeParties(Supplier<List<RunningChild>> children, Set<String> restarting) {
        this.children = children;
        this.restarting = restarting;
    }

    @Override
    public Object incarnation(String name) {
        RunningChild newest = newest(name);
        return newest == null ? null : newest.incarnation();
    }

    @Override
    public String gone(String name) {
        RunningChild newest = newest(name);
        if (newest == null || restarting.contains(name) || newest.isAlive()) {
            return null;
        }
        return "exited (exit code " + newest.exitCode().orElse(-1) + ", pid " + newest.pid() + ")";
    }

    @Override
    public boolean allGone() {
        List<RunningChild> all = children.get();
        return !all.isEmpty() && restarting.isEmpty() && all.stream().noneMatch(RunningChild::isAlive);
    }

    private RunningChild newest(String name) {
        List<RunningChild> all = children.get();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).name().equals(name)) {
                return all.get(i);
            }
        }
        return null;
    }
}

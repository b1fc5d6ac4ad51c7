package dev.proctest.engine.scope;

import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.internal.Api;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of a scope's children. A name a spec gives is never changed: it may not be taken by
 * a child that runs, and taken by a child that ended it passes on, with its log, to the new one. A
 * child without a name of its own gets its default, then {@code -2}, {@code -3}... for more.
 */
final class ChildNames {

    /**
     * A name claimed for a child about to start.
     *
     * @param earlier the ended child that had the name, whose log the new child goes on with, or null
     */
    record Name(String name, RunningChild earlier) {}

    /** The newest child of each name; a claimed name maps to null until its child has started. */
    private final Map<String, RunningChild> children = new HashMap<>();

    /**
     * Claims the name of the child {@code spec} starts.
     *
     * @throws ChildProcessException if the spec gives a name that a running child of the scope has
     */
    synchronized Name claim(ChildSpec<?> spec) {
        String base = Api.name(spec);
        String name = base;
        if (Api.settings(spec).name() == null) {
            for (int n = 2; children.containsKey(name); n++) {
                name = base + "-" + n;
            }
        }
        if (children.containsKey(name)) {
            RunningChild earlier = children.get(name);
            if (earlier == null || earlier.isAlive()) {
                throw new ChildProcessException("Cannot start child '" + name + "': a child of that name is running in this "
                        + "scope" + (earlier == null ? "" : " (pid " + earlier.pid() + ")") + "; give the new one another name with"
                        + " name(...), or stop the other one first");
            }
            children.put(name, null);
            return new Name(name, earlier);
        }
        children.put(name, null);
        return new Name(name, null);
    }

    /** The child of {@code name} has started. */
    synchronized void taken(Name name, RunningChild child) {
        children.put(name.name(), child);
    }

    /** The child of {@code name} could not start: the name is free again, or back with the ended child. */
    synchronized void release(Name name) {
        if (name.earlier() == null) {
            children.remove(name.name());
        } else {
            children.put(name.name(), name.earlier());
        }
    }
}

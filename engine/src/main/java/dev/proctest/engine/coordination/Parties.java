package dev.proctest.engine.coordination;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** What a scope's {@link Coordination} knows of the scope's children, by name. */
@API(status = INTERNAL, since = "0.4")
public interface Parties {

    /** Returns the process the child of {@code name} runs as now, or null if the scope has no such child. */
    Object incarnation(String name);

    /** Returns how the child of {@code name} ended ({@code exited (exit code 1, pid 42)}), or null while it runs or restarts. */
    String gone(String name);

    /** Returns whether the scope has a child, and none of them runs any more. */
    boolean allGone();
}

package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * Which invocations of a parameterized or repeated test run, decided at discovery before they
 * exist: all of them when the test (its method, class, ...) is selected, else only those a unique
 * id selects, as an IDE's re-run of one failed invocation does.
 */
@API(status = INTERNAL, since = "0.4")
public final class DescendantFilter {

    private boolean all;
    private final Set<UniqueId> allowed = new LinkedHashSet<>();

    /** Lets every invocation run. */
    public synchronized void allowAll() {
        all = true;
    }

    /** Lets the invocation {@code uniqueId} run, and what it holds. */
    public synchronized void allow(UniqueId uniqueId) {
        allowed.add(uniqueId);
    }

    /** Whether the invocation {@code uniqueId} runs: it is selected, holds one that is, or is held by one. */
    synchronized boolean allows(UniqueId uniqueId) {
        return all || allowed.stream().anyMatch(id -> id.hasPrefix(uniqueId) || uniqueId.hasPrefix(id));
    }
}

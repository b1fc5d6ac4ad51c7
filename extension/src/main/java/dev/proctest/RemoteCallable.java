package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.Serializable;
import org.apiguardian.api.API;

/**
 * Code for a child JVM to run: a lambda that {@link ChildProcess#run(RemoteCallable)} serializes,
 * sends to the child and runs there.
 *
 * <pre>{@code
 * int count = child.run(() -> Registry.instance().size());
 * }</pre>
 *
 * <p>The lambda runs in the child, on a thread of the runtime: it sees the child's static state,
 * not the test's. What it captures from the test must be serializable, and so must what it
 * returns. Its class (the test class, for a lambda written in a test) is loaded in the child from
 * the same class path.
 *
 * @param <T> what it returns
 * @since 0.1
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface RemoteCallable<T> extends Serializable {

    /** Runs in the child JVM. */
    T call() throws Exception;
}

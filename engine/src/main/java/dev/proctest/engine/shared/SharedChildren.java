package dev.proctest.engine.shared;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.SharedChild;
import dev.proctest.engine.child.Supervisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The shared children of one run, one per {@link SharedChild} class, each started by the first test
 * that asks and stopped when the run ends, the last started first: a child started later may
 * depend on one started before it.
 */
@API(status = INTERNAL, since = "0.4")
public final class SharedChildren implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Path logDirectory;
    private final Map<Class<?>, SharedInstance> byType = new ConcurrentHashMap<>();
    /** The instances whose child started, oldest first. */
    private final List<SharedInstance> started = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    /** @param logDirectory where the logs of shared children go, a directory per {@link SharedChild} class */
    public SharedChildren(Supplier<Supervisor> supervisor, Path logDirectory) {
        this.supervisor = supervisor;
        this.logDirectory = logDirectory;
    }

    /** Returns the shared child of {@code type}, made on first use; its child starts when a test first asks. */
    SharedInstance instance(Class<? extends SharedChild> type) {
        if (closed) {
            throw new IllegalStateException("The run has ended: shared child " + type.getName() + " is not started any more");
        }
        SharedInstance.constructor(type); // a type that cannot be made fails each request alike, and is no failed start
        return byType.computeIfAbsent(type, key -> new SharedInstance(type, supervisor, logDirectory.resolve(type.getName()),
                started::add));
    }

    /** Stops every shared child that started, newest first; says in the log what did not stop cleanly. */
    @Override
    public void close() {
        closed = true;
        List<SharedInstance> stopping;
        synchronized (started) {
            stopping = new ArrayList<>(started);
        }
        Collections.reverse(stopping);
        stopping.forEach(SharedInstance::runEnded);
    }
}

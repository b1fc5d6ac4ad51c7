package dev.proctest.engine.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The processes proctest starts, kept apart from the moments a socket must be gone when it is
 * closed. Starting a process forks the test JVM, and until the new process has closed what it
 * inherited (just before its exec, inside {@link ProcessBuilder#start()}), it holds a copy of
 * every descriptor of the JVM: a socket closed meanwhile stays bound, or listening, for that
 * long. Starts share a lock that {@link #withoutStarts} takes alone.
 */
@API(status = INTERNAL, since = "0.4")
public final class Forks {

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private Forks() {}

    /** Starts {@code builder}'s process, unless a socket of the JVM is being closed for good: then right after. */
    public static Process start(ProcessBuilder builder) throws IOException {
        LOCK.readLock().lock();
        try {
            return builder.start();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** Runs {@code work}, which opens and closes a socket, while no process that proctest starts is being forked. */
    public static <T> T withoutStarts(Supplier<T> work) {
        LOCK.writeLock().lock();
        try {
            return work.get();
        } finally {
            LOCK.writeLock().unlock();
        }
    }
}

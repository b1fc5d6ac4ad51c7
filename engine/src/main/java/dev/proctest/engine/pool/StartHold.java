package dev.proctest.engine.pool;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A child's claim on one of the pool's boot slots while it starts: the test waits for that child,
 * so the pool boots no JVM in its place. Released once, when the child is ready, has failed to get
 * ready or has ended, or at the latest after a bound, so that a child nobody waits for cannot stop
 * the pool for good.
 */
@API(status = INTERNAL, since = "0.1")
public final class StartHold {

    /** Ends holds whose bound has passed: a thread of its own, which a busy common pool cannot hold up. */
    private static final ScheduledExecutorService BOUNDS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "proctest-start-holds");
        thread.setDaemon(true);
        return thread;
    });

    /** A hold that holds nothing: for a child of a run without a pool. */
    public static final StartHold NONE = new StartHold(() -> {});

    private final AtomicBoolean released = new AtomicBoolean();
    private final Runnable release;

    private StartHold(Runnable release) {
        this.release = release;
    }

    /** A hold that runs {@code release} once, when released or when {@code bound} has passed. */
    static StartHold of(Runnable release, Duration bound) {
        StartHold hold = new StartHold(release);
        BOUNDS.schedule(hold::release, bound.toMillis(), TimeUnit.MILLISECONDS);
        return hold;
    }

    /** Gives the slot back; only the first call counts. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}

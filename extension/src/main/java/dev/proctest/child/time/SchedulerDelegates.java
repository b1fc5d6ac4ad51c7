package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * What the system under test's schedules become when its time is not real: under a factor their
 * delays are scaled to real time; on a virtual clock the scheduled executors it makes are {@link
 * VirtualScheduledThreadPoolExecutor}s, and {@code CompletableFuture}'s delays and timeouts wait on
 * one of those. Each method stands for the JDK method of the same name, with the receiver of an
 * instance method as its first parameter.
 */
@API(status = INTERNAL, since = "0.4")
public final class SchedulerDelegates {

    /** The executors made here that are not themselves a {@link VirtualScheduledThreadPoolExecutor}. */
    private static final Map<ScheduledExecutorService, Boolean> VIRTUAL = Collections.synchronizedMap(new WeakHashMap<>());

    private SchedulerDelegates() {}

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize) {
        return new VirtualScheduledThreadPoolExecutor(corePoolSize);
    }

    public static ScheduledExecutorService newScheduledThreadPool(int corePoolSize, ThreadFactory threadFactory) {
        return new VirtualScheduledThreadPoolExecutor(corePoolSize, threadFactory);
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
        return unconfigurable(new VirtualScheduledThreadPoolExecutor(1));
    }

    public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory threadFactory) {
        return unconfigurable(new VirtualScheduledThreadPoolExecutor(1, threadFactory));
    }

    private static ScheduledExecutorService unconfigurable(ScheduledThreadPoolExecutor executor) {
        ScheduledExecutorService wrapped = Executors.unconfigurableScheduledExecutorService(executor);
        VIRTUAL.put(wrapped, true);
        return wrapped;
    }

    public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Runnable command, long delay, TimeUnit unit) {
        return onClock(executor) ? executor.schedule(command, delay, unit) : executor.schedule(command, realNanos(delay, unit),
                TimeUnit.NANOSECONDS);
    }

    public static <V> ScheduledFuture<V> schedule(ScheduledExecutorService executor, Callable<V> callable, long delay, TimeUnit unit) {
        return onClock(executor) ? executor.schedule(callable, delay, unit) : executor.schedule(callable, realNanos(delay, unit),
                TimeUnit.NANOSECONDS);
    }

    public static ScheduledFuture<?> scheduleAtFixedRate(ScheduledExecutorService executor, Runnable command, long initialDelay,
            long period, TimeUnit unit) {
        return onClock(executor) ? executor.scheduleAtFixedRate(command, initialDelay, period, unit)
                : executor.scheduleAtFixedRate(command, realNanos(initialDelay, unit), realNanos(period, unit), TimeUnit.NANOSECONDS);
    }

    public static ScheduledFuture<?> scheduleWithFixedDelay(ScheduledExecutorService executor, Runnable command, long initialDelay,
            long delay, TimeUnit unit) {
        return onClock(executor) ? executor.scheduleWithFixedDelay(command, initialDelay, delay, unit)
                : executor.scheduleWithFixedDelay(command, realNanos(initialDelay, unit), realNanos(delay, unit), TimeUnit.NANOSECONDS);
    }

    public static Executor delayedExecutor(long delay, TimeUnit unit) {
        return delayedExecutor(delay, unit, new CompletableFuture<Void>().defaultExecutor());
    }

    /** On a virtual clock, an executor that hands each task to {@code executor} once the clock has moved by {@code delay}. */
    public static Executor delayedExecutor(long delay, TimeUnit unit, Executor executor) {
        if (unit == null || executor == null) {
            throw new NullPointerException();
        }
        if (!ChildTime.virtual()) {
            return CompletableFuture.delayedExecutor(realNanos(delay, unit), TimeUnit.NANOSECONDS, executor);
        }
        return command -> Delayer.DELAYER.schedule(() -> executor.execute(command), delay, unit);
    }

    public static <T> CompletableFuture<T> orTimeout(CompletableFuture<T> future, long timeout, TimeUnit unit) {
        if (!ChildTime.virtual()) {
            return future.orTimeout(realNanos(timeout, unit), TimeUnit.NANOSECONDS);
        }
        if (unit == null) {
            throw new NullPointerException();
        }
        if (!future.isDone()) {
            ScheduledFuture<?> timer = Delayer.DELAYER.schedule(() -> future.completeExceptionally(new TimeoutException()), timeout, unit);
            future.whenComplete((result, failure) -> timer.cancel(false));
        }
        return future;
    }

    public static <T> CompletableFuture<T> completeOnTimeout(CompletableFuture<T> future, T value, long timeout, TimeUnit unit) {
        if (!ChildTime.virtual()) {
            return future.completeOnTimeout(value, realNanos(timeout, unit), TimeUnit.NANOSECONDS);
        }
        if (unit == null) {
            throw new NullPointerException();
        }
        if (!future.isDone()) {
            ScheduledFuture<?> timer = Delayer.DELAYER.schedule(() -> future.complete(value), timeout, unit);
            future.whenComplete((result, failure) -> timer.cancel(false));
        }
        return future;
    }

    /** Whether the executor keeps its delays on the virtual clock, so that they are passed on in child time. */
    private static boolean onClock(ScheduledExecutorService executor) {
        return ChildTime.virtual() && (executor instanceof VirtualScheduledThreadPoolExecutor || VIRTUAL.containsKey(executor));
    }

    private static long realNanos(long delay, TimeUnit unit) {
        VirtualWaits.warnOfRealTime();
        return ChildTime.realNanos(unit.toNanos(delay));
    }

    /** The thread that hands {@code CompletableFuture}'s delayed tasks on, made when first needed, as the JDK's is. */
    private static final class Delayer {

        static final ScheduledThreadPoolExecutor DELAYER = new VirtualScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "CompletableFutureDelayScheduler");
            thread.setDaemon(true);
            return thread;
        });
    }
}

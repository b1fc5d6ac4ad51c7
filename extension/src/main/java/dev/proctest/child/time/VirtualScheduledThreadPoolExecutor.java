package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * What a {@code ScheduledThreadPoolExecutor} that the system under test constructs becomes on a
 * virtual clock: its delayed and periodic tasks wait on the clock, not in the pool's queue, and
 * the clock hands each to the pool to run when it reaches the task's deadline; it does not move
 * again until the task has started, unless every thread of the pool is busy with another task
 * then: the task starts as soon as one is free, as late as in the JDK. Tasks without a delay go
 * to the pool at once.
 *
 * <p>{@link #shutdown()} cancels the delayed tasks not yet due, one-shot and periodic alike, where
 * the JDK by default still runs the one-shot ones at their time; {@link #shutdownNow()} returns
 * them among the tasks that never ran, as the JDK does. {@link #getQueue()} holds only the tasks
 * that are due.
 */
@API(status = INTERNAL, since = "0.4")
public class VirtualScheduledThreadPoolExecutor extends ScheduledThreadPoolExecutor {

    /** Tasks waiting on the clock. */
    private final Set<VirtualScheduledTask<?>> delayed = ConcurrentHashMap.newKeySet();
    /** Tasks the clock has handed to the pool that have not yet started. */
    private final Set<VirtualScheduledTask<?>> handed = ConcurrentHashMap.newKeySet();
    /** Orders the hand-overs with {@link #shutdown()}: none after it, when the pool would reject it. */
    private final Object gate = new Object();
    private boolean closing;

    public VirtualScheduledThreadPoolExecutor(int corePoolSize) {
        super(corePoolSize);
    }

    public VirtualScheduledThreadPoolExecutor(int corePoolSize, ThreadFactory threadFactory) {
        super(corePoolSize, threadFactory);
    }

    public VirtualScheduledThreadPoolExecutor(int corePoolSize, RejectedExecutionHandler handler) {
        super(corePoolSize, handler);
    }

    public VirtualScheduledThreadPoolExecutor(int corePoolSize, ThreadFactory threadFactory, RejectedExecutionHandler handler) {
        super(corePoolSize, threadFactory, handler);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        long nanos = unit.toNanos(delay);
        return nanos <= 0 ? super.schedule(command, delay, unit) : delay(new VirtualScheduledTask<Void>(this, command, null, deadline(nanos), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        if (callable == null || unit == null) {
            throw new NullPointerException();
        }
        long nanos = unit.toNanos(delay);
        return nanos <= 0 ? super.schedule(callable, delay, unit) : delay(new VirtualScheduledTask<>(this, callable, deadline(nanos)));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        if (period <= 0) {
            throw new IllegalArgumentException();
        }
        return delay(new VirtualScheduledTask<Void>(this, command, null, deadline(unit.toNanos(initialDelay)), unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        if (command == null || unit == null) {
            throw new NullPointerException();
        }
        if (delay <= 0) {
            throw new IllegalArgumentException();
        }
        return delay(new VirtualScheduledTask<Void>(this, command, null, deadline(unit.toNanos(initialDelay)), -unit.toNanos(delay)));
    }

    @Override
    public void shutdown() {
        close().forEach(task -> task.cancel(false));
        super.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<VirtualScheduledTask<?>> pending = close();
        pending.forEach(VirtualScheduledTask::settle);
        List<Runnable> never = new ArrayList<>(super.shutdownNow());
        handed.forEach(VirtualScheduledTask::settle); // drained from the queue: they will not start
        never.addAll(pending);
        return never;
    }

    private List<VirtualScheduledTask<?>> close() {
        synchronized (gate) {
            closing = true;
            List<VirtualScheduledTask<?>> pending = new ArrayList<>(delayed);
            delayed.clear();
            return pending;
        }
    }

    private static long deadline(long nanos) {
        long now = VirtualClock.elapsed();
        return nanos <= 0 ? now : now + nanos < now ? Long.MAX_VALUE : now + nanos;
    }

    private <V> ScheduledFuture<V> delay(VirtualScheduledTask<V> task) {
        prestartCoreThread(); // as the JDK does on scheduling: the pool's threads are the scheduling thread's, not the clock's
        if (!enqueue(task)) {
            getRejectedExecutionHandler().rejectedExecution(task, this);
        }
        return task;
    }

    /** A periodic task that has run puts itself on the clock again, unless the pool is shut down. */
    void again(VirtualScheduledTask<?> task) {
        if (!task.isCancelled() && !enqueue(task)) {
            task.cancel(false);
        }
    }

    void forget(VirtualScheduledTask<?> task) {
        delayed.remove(task);
        handed.remove(task);
    }

    private boolean enqueue(VirtualScheduledTask<?> task) {
        synchronized (gate) {
            if (closing) {
                return false;
            }
            delayed.add(task);
            if (task.deadline() <= VirtualClock.elapsed()) {
                release(task); // due already: a fixed-rate task that overran its period, or no initial delay
            } else {
                task.arm(() -> release(task));
            }
            return true;
        }
    }

    /** Hands a task that is due to the pool, on the thread that moves the clock or the one that found it due. */
    private void release(VirtualScheduledTask<?> task) {
        synchronized (gate) {
            if (!delayed.remove(task)) { // cancelled or shut down meanwhile
                task.settle();
                return;
            }
            boolean startsNow = getQueue().size() < getPoolSize() - getActiveCount() + Math.max(0, getCorePoolSize() - getPoolSize());
            handed.add(task);
            try {
                super.execute(new Start(task));
            } catch (RuntimeException | Error e) { // a thread factory that fails: the task cannot run
                handed.remove(task);
                task.settle();
                task.setFailed(e);
                return;
            }
            if (!startsNow) {
                task.settle(); // it waits for a thread busy with another task, which may itself wait for the clock: as late as in the JDK
            }
        }
    }

    /** Runs a task the clock handed over, once it is no longer waiting to start. */
    private final class Start implements Runnable {

        private final VirtualScheduledTask<?> task;

        Start(VirtualScheduledTask<?> task) {
            this.task = task;
        }

        @Override
        public void run() {
            handed.remove(task);
            task.run();
        }
    }
}

package dev.proctest.child.time;

import dev.proctest.child.time.VirtualClock.Waiter;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A task of a {@link VirtualScheduledThreadPoolExecutor}: its deadline is on the virtual clock,
 * which hands it to the pool to run when it reaches it. A fixed-rate task's run {@code n} is due
 * at its first deadline plus {@code n} periods; a fixed-delay task's next run is due its delay
 * after its previous run ended. A periodic task that throws or is cancelled runs no more.
 */
final class VirtualScheduledTask<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {

    private final VirtualScheduledThreadPoolExecutor pool;
    /** Nanoseconds: above 0 a fixed rate, below 0 a fixed delay, 0 a single run. */
    private final long period;
    private volatile long deadline;
    /** The timer until it is finished: once, when the task starts, is cancelled or is dropped. */
    private final AtomicReference<Waiter> timer = new AtomicReference<>();

    VirtualScheduledTask(VirtualScheduledThreadPoolExecutor pool, Callable<V> callable, long deadline) {
        super(callable);
        this.pool = pool;
        this.period = 0;
        this.deadline = deadline;
    }

    VirtualScheduledTask(VirtualScheduledThreadPoolExecutor pool, Runnable command, V result, long deadline, long period) {
        super(command, result);
        this.pool = pool;
        this.period = period;
        this.deadline = deadline;
    }

    long deadline() {
        return deadline;
    }

    /** Puts the task on the clock, due at its deadline; the clock then releases it to {@code release}. */
    void arm(Runnable release) {
        Waiter next = VirtualClock.timer(deadline, release);
        timer.set(next);
        VirtualClock.add(next);
    }

    /** Lets the clock move on: the task has started, or will not run. */
    void settle() {
        Waiter current = timer.getAndSet(null);
        if (current != null) {
            VirtualClock.finish(current);
        }
    }

    /** Completes the task with {@code failure}: the pool could not run it. */
    void setFailed(Throwable failure) {
        setException(failure);
    }

    @Override
    public void run() {
        settle();
        if (period == 0) {
            super.run();
        } else if (runAndReset()) {
            deadline = period > 0 ? deadline + period : VirtualClock.elapsed() - period;
            pool.again(this);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) {
            settle();
            pool.forget(this);
        }
        return cancelled;
    }

    @Override
    public boolean isPeriodic() {
        return period != 0;
    }

    /** How long until the task is due, in child time. */
    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(deadline - VirtualClock.elapsed(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        if (other == this) {
            return 0;
        }
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
}

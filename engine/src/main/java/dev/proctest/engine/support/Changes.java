package dev.proctest.engine.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * Something that changes, and the one way proctest waits for a condition on it: every change
 * signals, and a waiter checks its condition again, until it holds or its deadline passes. A
 * child has its own, so a record of one child wakes no waiter on another; a child's changes pass
 * to its scope's, where waits over all of a scope's children wait.
 */
@API(status = INTERNAL, since = "0.1")
public final class Changes {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Changes> downstream = new CopyOnWriteArrayList<>();
    private final AtomicLong count = new AtomicLong();
    /** How many threads wait: a change nobody waits for costs no lock. */
    private final AtomicInteger waiters = new AtomicInteger();

    /** Makes every change of this signal {@code other} too. */
    public void passTo(Changes other) {
        downstream.add(other);
    }

    /** Stops passing changes to {@code other}. */
    public void stopPassingTo(Changes other) {
        downstream.remove(other);
    }

    /** Says that something changed: whoever waits looks again. */
    public void signal() {
        count.incrementAndGet();
        if (waiters.get() > 0) {
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        for (Changes other : downstream) {
            other.signal();
        }
    }

    /**
     * Waits until {@code condition} holds or {@code deadlineNanos} (on {@link System#nanoTime()})
     * passes. The condition is checked outside the lock, so it may take locks of its own.
     *
     * @return whether the condition holds
     */
    public boolean await(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        waiters.incrementAndGet(); // before the first look: a change after it signals
        try {
            while (true) {
                long seen = count.get();
                if (condition.getAsBoolean()) {
                    return true;
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                lock.lock();
                try {
                    while (count.get() == seen && remaining > 0) {
                        remaining = changed.awaitNanos(remaining);
                    }
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            waiters.decrementAndGet();
        }
    }
}

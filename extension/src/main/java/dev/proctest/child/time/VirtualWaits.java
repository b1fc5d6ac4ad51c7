package dev.proctest.child.time;

import dev.proctest.child.time.VirtualClock.Waiter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * The timed waits of the system under test on a virtual clock: each registers its deadline with
 * {@link VirtualClock} and waits, in real time, until the clock reaches it or what it waits for
 * happens first. Lengths are in nanoseconds of child time.
 *
 * <p>A wait on a monitor, a condition or a thread waits without a timeout and is ended by an
 * interrupt that it takes back: it returns as a timed-out wait does, with no interrupt left
 * pending. An interrupt of the system under test that arrives in the same instant as the clock's
 * may be taken for the clock's.
 */
final class VirtualWaits {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private VirtualWaits() {}

    /**
     * Says once, on a virtual clock, that a {@code java.util.concurrent} timeout or schedule waits in
     * real time: a call that {@link ConcurrentSites} does not know, or a schedule on an executor that
     * the rewritten classes did not make.
     */
    static void warnOfRealTime() {
        if (ChildTime.virtual() && WARNED.compareAndSet(false, true)) {
            System.err.println("proctest: on a virtual clock, a java.util.concurrent timeout or schedule waits in real time, and the"
                    + " clock may jump past it: a call with a timeout other than the common blocking ones, or a schedule on an"
                    + " executor made outside the rewritten classes or by a subclass of ScheduledThreadPoolExecutor");
        }
    }

    static void sleep(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        if (nanos <= 0) {
            return;
        }
        Waiter waiter = VirtualClock.register(nanos, false);
        boolean woken;
        try {
            while (!waiter.woken() && !Thread.currentThread().isInterrupted()) {
                LockSupport.park(VirtualWaits.class);
            }
        } finally {
            woken = VirtualClock.finish(waiter);
        }
        if (!woken && Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    static void parkNanos(Object blocker, long nanos) {
        if (nanos <= 0) {
            return;
        }
        Waiter waiter = VirtualClock.register(nanos, false);
        try {
            LockSupport.park(blocker); // returns on an unpark, an interrupt or spuriously, as parkNanos does
        } finally {
            VirtualClock.finish(waiter);
        }
    }

    static void wait(Object monitor, long nanos) throws InterruptedException {
        if (!Thread.holdsLock(monitor)) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        untilWoken(nanos, monitor::wait);
    }

    static void join(Thread thread, long nanos) throws InterruptedException {
        untilWoken(nanos, thread::join);
    }

    /** A wait without a timeout that only a notify or an interrupt ends. */
    private interface Untimed {
        void await() throws InterruptedException;
    }

    /** Waits until {@code untimed} returns or the clock reaches the deadline; returns whether the clock ended it. */
    private static boolean untilWoken(long nanos, Untimed untimed) throws InterruptedException {
        Waiter waiter = VirtualClock.register(nanos, true);
        try {
            untimed.await();
        } catch (InterruptedException e) {
            takeBack(waiter, e);
            return true;
        } catch (RuntimeException | Error e) { // a condition whose lock the thread does not hold
            VirtualClock.finish(waiter);
            throw e;
        }
        return takeBack(waiter);
    }

    /** Returns what {@link Condition#awaitNanos} does: above 0 if signalled before the deadline. */
    static long awaitNanos(Condition condition, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (nanos <= 0) {
            return nanos;
        }
        long start = VirtualClock.elapsed();
        if (untilWoken(nanos, condition::await)) {
            return 0;
        }
        return Math.max(1, nanos - (VirtualClock.elapsed() - start)); // signalled before the deadline, which the clock has not reached
    }

    /** After a wait that an interrupt ended: rethrows it unless the clock sent it. */
    private static void takeBack(Waiter waiter, InterruptedException e) throws InterruptedException {
        if (!VirtualClock.finish(waiter)) {
            throw e;
        }
    }

    /** After a wait that ended otherwise: clears the clock's interrupt if it sent one meanwhile; returns whether it did. */
    private static boolean takeBack(Waiter waiter) {
        if (VirtualClock.finish(waiter)) {
            Thread.interrupted();
            return true;
        }
        return false;
    }
}

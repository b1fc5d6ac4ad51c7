package dev.proctest.child.time;

import dev.proctest.Constants;
import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The virtual clock of a child with {@code virtualTime()}: how far it has moved since {@code main}
 * started, and the deadlines of the timed waits of the system under test. Only {@link #jump()}
 * moves it, always forward, to the earliest deadline, and wakes every waiter of that deadline;
 * {@link Quiescence} decides when.
 *
 * <p>A waiter is woken the way its wait can be ended without changing what the system under test
 * sees: a park or a sleep by {@link LockSupport#unpark}, a wait on a monitor, a condition or a
 * thread (which only a notify, a signal or an interrupt ends) by {@link Thread#interrupt}, which
 * the waiting call takes back (see {@link VirtualWaits}); a {@linkplain #timer timer} by running
 * its release. Until a woken waiter runs again the clock does not move: a thread that the kernel
 * has not yet scheduled looks as quiet as one that waits.
 *
 * <p>An {@linkplain #advance advance} from the test sets a target that {@link #step()} reaches
 * deadline by deadline, each step once the child is quiet again, as {@link #jump()} does on its own.
 */
final class VirtualClock {

    /**
     * The deadlines the clock never jumps to, from about 146 years of child time on: a wait that
     * long, such as {@code Thread.sleep(Long.MAX_VALUE)}, waits forever, as it does in the JDK,
     * and the clock stays within what every clock of the child can read.
     */
    static final long NEVER = Long.MAX_VALUE / 2;

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ConcurrentSkipListSet<Waiter> WAITERS = new ConcurrentSkipListSet<>(
            Comparator.comparingLong((Waiter waiter) -> waiter.deadline).thenComparingLong(waiter -> waiter.sequence));
    /** Counts every wait that starts or ends: a count that stays the same shows that no waiter moved in between. */
    private static final AtomicLong CHANGES = new AtomicLong();
    /** Waiters woken that have not yet run. */
    private static final AtomicInteger WAKING = new AtomicInteger();
    private static volatile long elapsed;
    /** When the reading last changed ({@link System#nanoTime}). */
    private static volatile long movedAt = System.nanoTime();
    private static volatile Thread driver;
    /** Whether only the test's advances move the clock ({@link Constants#TIME_VIRTUAL_STEPPED}). */
    private static volatile boolean stepped;
    private static final long NO_TARGET = Long.MIN_VALUE;
    /** The reading an advance from the test moves the clock to, or {@link #NO_TARGET}. */
    private static volatile long target = NO_TARGET;
    private static volatile Thread advancer;
    private static final Object ADVANCES = new Object();

    private VirtualClock() {}

    /** The clock's reading: nanoseconds it has moved since {@code main} started. */
    static long elapsed() {
        return elapsed;
    }

    /** When the reading last changed, in real time ({@link System#nanoTime}). */
    static long movedAt() {
        return movedAt;
    }

    /** Whether the thread that moves the clock has started: it starts with {@code main}. */
    static boolean started() {
        return driver != null;
    }

    /** Starts the thread that moves the clock. */
    static synchronized void start(long graceNanos) {
        if (driver == null) {
            stepped = Boolean.getBoolean(Constants.TIME_VIRTUAL_STEPPED);
            driver = Quiescence.start(graceNanos);
        }
    }

    /** Registers a wait of {@code nanos} (above 0) of the calling thread, from the clock's reading now. */
    static Waiter register(long nanos, boolean interrupts) {
        long now = elapsed;
        long deadline = now + nanos < now ? Long.MAX_VALUE : now + nanos;
        Waiter waiter = new Waiter(Thread.currentThread(), deadline, SEQUENCE.incrementAndGet(), interrupts);
        WAITERS.add(waiter);
        CHANGES.incrementAndGet();
        signal(); // a wait that starts may be the last one
        return waiter;
    }

    /**
     * A timer that, once {@linkplain #add added}, runs {@code release} when the clock reaches {@code
     * deadline} (in nanoseconds of {@link #elapsed()}); the clock then does not move again until the
     * timer is {@linkplain #finish finished}, which its release or what it released does once.
     */
    static Waiter timer(long deadline, Runnable release) {
        return new Waiter(null, deadline, SEQUENCE.incrementAndGet(), false, release);
    }

    /** Adds a {@linkplain #timer timer}. */
    static void add(Waiter timer) {
        WAITERS.add(timer);
        CHANGES.incrementAndGet();
        signal();
    }

    /**
     * Ends the calling thread's wait; returns whether the clock woke it, in which case the wake-up
     * has been delivered when this returns.
     */
    static boolean finish(Waiter waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.DONE)) {
            WAITERS.remove(waiter);
            CHANGES.incrementAndGet();
            return false;
        }
        while (waiter.state.get() != Waiter.DELIVERED) {
            Thread.onSpinWait(); // the driver is between its compareAndSet and its unpark or interrupt
        }
        WAKING.decrementAndGet();
        CHANGES.incrementAndGet();
        signal(); // the clock may move again
        return true;
    }

    /** Notes a change that restarts a quiet period, such as a wait for the test JVM that starts or ends. */
    static void changed() {
        CHANGES.incrementAndGet();
        signal();
    }

    private static void signal() {
        Thread current = driver;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Whether any timed wait is pending whose deadline the clock can reach. */
    static boolean pending() {
        Waiter first = first();
        return first != null && first.deadline < NEVER;
    }

    private static Waiter first() {
        Iterator<Waiter> waiters = WAITERS.iterator();
        return waiters.hasNext() ? waiters.next() : null;
    }

    /** How many waits start or end, so far. */
    static long changes() {
        return CHANGES.get();
    }

    /** Whether there is a deadline to jump to by itself, or an advance to make, and every waiter woken has run since. */
    static boolean canJump() {
        return WAKING.get() == 0 && (jumpsByItself() && pending() || advancing());
    }

    /** Whether the clock jumps to the next deadline by itself, or only the test's advances move it. */
    static boolean jumpsByItself() {
        return !stepped;
    }

    /** Whether the test has asked the clock to move on to a target it has not reached yet. */
    static boolean advancing() {
        return target != NO_TARGET;
    }

    /**
     * Moves the clock forward by {@code nanos} (above 0) from its reading now, as {@link #step()}
     * does it, and returns once it has, or after {@code timeoutNanos} of real time; returns whether
     * it has. Advances from several threads take turns.
     */
    static boolean advance(long nanos, long timeoutNanos) throws InterruptedException {
        synchronized (ADVANCES) {
            long now = elapsed;
            long goal = Math.min(NEVER, now + nanos < now ? Long.MAX_VALUE : now + nanos);
            long deadline = System.nanoTime() + timeoutNanos;
            advancer = Thread.currentThread();
            target = goal;
            signal();
            try {
                while (target != NO_TARGET && deadline - System.nanoTime() > 0) {
                    LockSupport.parkNanos(ADVANCES, deadline - System.nanoTime());
                    if (Thread.interrupted()) {
                        throw new InterruptedException("advance of the virtual clock interrupted");
                    }
                }
            } finally {
                target = NO_TARGET;
                advancer = null;
            }
            return elapsed >= goal;
        }
    }

    /**
     * Makes one step of an advance, once the child is quiet: to the earliest deadline up to the
     * target, waking its waiters, or without one, to the target, which ends the advance.
     */
    static void step() {
        long goal = target;
        if (goal == NO_TARGET) {
            return;
        }
        Waiter first = first();
        if (first != null && first.deadline <= goal && first.deadline < NEVER) {
            jump();
            return;
        }
        moveTo(goal);
        target = NO_TARGET;
        Thread waiting = advancer;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private static void moveTo(long reading) {
        if (reading > elapsed) {
            elapsed = reading;
            movedAt = System.nanoTime();
        }
    }

    /** Moves the clock to the earliest deadline and wakes its waiters; returns how many it woke. */
    static int jump() {
        Waiter first = first();
        if (first == null || first.deadline >= NEVER) {
            return 0;
        }
        moveTo(first.deadline);
        int woken = 0;
        for (Waiter waiter : WAITERS) {
            if (waiter.deadline > elapsed) {
                break;
            }
            if (wake(waiter)) {
                woken++;
            }
        }
        return woken;
    }

    private static boolean wake(Waiter waiter) {
        WAKING.incrementAndGet();
        if (!waiter.state.compareAndSet(Waiter.WAITING, Waiter.WOKEN)) {
            WAKING.decrementAndGet(); // it ended on its own meanwhile
            return false;
        }
        WAITERS.remove(waiter);
        if (waiter.release != null) {
            waiter.state.set(Waiter.DELIVERED); // before the release, which may finish the timer itself
            waiter.release.run();
            return true;
        }
        if (waiter.interrupts) {
            waiter.thread.interrupt();
        } else {
            LockSupport.unpark(waiter.thread);
        }
        waiter.state.set(Waiter.DELIVERED);
        return true;
    }

    /** One timed wait of the system under test. */
    static final class Waiter {

        static final int WAITING = 0;
        static final int WOKEN = 1;
        static final int DELIVERED = 2;
        static final int DONE = 3;

        final Thread thread;
        final long deadline;
        final long sequence;
        final boolean interrupts;
        /** What a timer does at its deadline; {@code null} for a thread's wait. */
        final Runnable release;
        final AtomicInteger state = new AtomicInteger(WAITING);

        Waiter(Thread thread, long deadline, long sequence, boolean interrupts) {
            this(thread, deadline, sequence, interrupts, null);
        }

        Waiter(Thread thread, long deadline, long sequence, boolean interrupts, Runnable release) {
            this.thread = thread;
            this.deadline = deadline;
            this.sequence = sequence;
            this.interrupts = interrupts;
            this.release = release;
        }

        boolean woken() {
            return state.get() != WAITING;
        }
    }
}

package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * What the system under test's calls to the JDK's clocks, sleeps and timed waits become when its
 * time runs faster: each method stands for the JDK method of the same name, with the receiver of
 * an instance method as its first parameter. Clocks read {@link ChildTime}; waits last their child
 * time divided by the factor, so that a wait reads as its length on every clock of the child, or
 * on a virtual clock are {@link VirtualWaits}. The {@code now()} of method references are {@link NowReferences}.
 */
@API(status = INTERNAL, since = "0.1")
public final class TimeDelegates {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private TimeDelegates() {}

    // Clocks

    public static long currentTimeMillis() {
        return Math.floorDiv(ChildTime.epochNanos(), NANOS_PER_MILLI);
    }

    public static long nanoTime() {
        return ChildTime.nanoTime();
    }

    public static Clock systemUTC() {
        return ChildTime.clock(ZoneOffset.UTC);
    }

    public static Clock systemDefaultZone() {
        return ChildTime.clock(ZoneId.systemDefault());
    }

    public static Clock system(ZoneId zone) {
        return ChildTime.clock(zone);
    }

    public static Clock tickMillis(ZoneId zone) {
        return Clock.tick(system(zone), Duration.ofMillis(1));
    }

    public static Clock tickSeconds(ZoneId zone) {
        return Clock.tick(system(zone), Duration.ofSeconds(1));
    }

    public static Clock tickMinutes(ZoneId zone) {
        return Clock.tick(system(zone), Duration.ofMinutes(1));
    }

    // Sleeps

    public static void sleep(long millis) throws InterruptedException {
        sleep(millis, 0);
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        parkFor(ChildTime.realNanos(saturatedAdd(TimeUnit.MILLISECONDS.toNanos(millis), nanos)));
    }

    public static void sleep(Duration duration) throws InterruptedException {
        parkFor(ChildTime.realNanos(saturatedNanos(duration)));
    }

    public static void sleep(TimeUnit unit, long timeout) throws InterruptedException {
        if (timeout > 0) {
            parkFor(ChildTime.realNanos(unit.toNanos(timeout)));
        }
    }

    /**
     * Sleeps by parking rather than with {@link Thread#sleep(long, int)}, which rounds anything under a millisecond up to one:
     * at a factor of 1000 that would make every short sleep a second long. A virtual clock scales nothing: these are its nanoseconds.
     */
    private static void parkFor(long realNanos) throws InterruptedException {
        if (ChildTime.virtual()) {
            VirtualWaits.sleep(realNanos);
            return;
        }
        long deadline = System.nanoTime() + realNanos;
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("sleep interrupted");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(left);
        }
    }

    public static void parkNanos(long nanos) {
        parkNanos(null, nanos);
    }

    public static void parkNanos(Object blocker, long nanos) {
        if (ChildTime.virtual()) {
            VirtualWaits.parkNanos(blocker, nanos);
        } else if (nanos > 0) {
            LockSupport.parkNanos(blocker, ChildTime.realNanos(nanos));
        }
    }

    public static void parkUntil(long deadlineMillis) {
        parkUntil(null, deadlineMillis);
    }

    public static void parkUntil(Object blocker, long deadlineMillis) {
        parkNanos(blocker, untilNanos(deadlineMillis));
    }

    // Timed waits on monitors and threads: the JDK waits whole milliseconds there.

    public static void wait(Object monitor, long millis) throws InterruptedException {
        wait(monitor, millis, 0);
    }

    public static void wait(Object monitor, long millis, int nanos) throws InterruptedException {
        if (millis < 0 || nanos < 0 || nanos > 999_999 || (millis == 0 && nanos == 0)) {
            monitor.wait(millis, nanos); // 0: until notified; out of range: the JDK's own error
            return;
        }
        waitFor(monitor, saturatedAdd(TimeUnit.MILLISECONDS.toNanos(millis), nanos));
    }

    public static void timedWait(TimeUnit unit, Object monitor, long timeout) throws InterruptedException {
        if (timeout > 0) {
            waitFor(monitor, unit.toNanos(timeout));
        }
    }

    private static void waitFor(Object monitor, long nanos) throws InterruptedException {
        if (ChildTime.virtual()) {
            VirtualWaits.wait(monitor, nanos);
            return;
        }
        long real = ChildTime.realNanos(nanos);
        monitor.wait(real / NANOS_PER_MILLI, (int) (real % NANOS_PER_MILLI));
    }

    public static void join(Thread thread, long millis) throws InterruptedException {
        join(thread, millis, 0);
    }

    public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
        if (millis < 0 || nanos < 0 || nanos > 999_999 || (millis == 0 && nanos == 0)) {
            thread.join(millis, nanos);
            return;
        }
        joinFor(thread, saturatedAdd(TimeUnit.MILLISECONDS.toNanos(millis), nanos));
    }

    public static boolean join(Thread thread, Duration duration) throws InterruptedException {
        if (thread.getState() == Thread.State.NEW) {
            throw new IllegalThreadStateException("Thread not started");
        }
        long nanos = saturatedNanos(duration);
        if (nanos > 0) {
            joinFor(thread, nanos);
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return !thread.isAlive();
    }

    public static void timedJoin(TimeUnit unit, Thread thread, long timeout) throws InterruptedException {
        if (timeout > 0) {
            joinFor(thread, unit.toNanos(timeout));
        }
    }

    private static void joinFor(Thread thread, long nanos) throws InterruptedException {
        if (ChildTime.virtual()) {
            VirtualWaits.join(thread, nanos);
            return;
        }
        long real = ChildTime.realNanos(nanos);
        thread.join(real / NANOS_PER_MILLI, (int) (real % NANOS_PER_MILLI));
    }

    // java.util.concurrent

    /**
     * The real length of a {@code java.util.concurrent} timeout, in nanoseconds: calls that end in
     * {@code (long, TimeUnit)} and that neither {@link ConcurrentDelegates} nor {@link
     * SchedulerDelegates} stand for get this and {@link TimeUnit#NANOSECONDS} instead.
     */
    public static long realNanos(long timeout, TimeUnit unit) {
        VirtualWaits.warnOfRealTime();
        return ChildTime.realNanos(unit.toNanos(timeout));
    }

    public static long awaitNanos(Condition condition, long nanos) throws InterruptedException {
        if (ChildTime.virtual()) {
            return VirtualWaits.awaitNanos(condition, nanos);
        }
        long left = condition.awaitNanos(ChildTime.realNanos(nanos));
        return left > 0 ? Math.min(nanos, ChildTime.childNanos(left)) : left;
    }

    public static boolean awaitUntil(Condition condition, Date deadline) throws InterruptedException {
        long left = untilNanos(deadline.getTime());
        return awaitNanos(condition, Math.max(0, left)) > 0;
    }

    public static boolean await(Condition condition, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitNanos(condition, unit.toNanos(timeout)) > 0;
    }

    /** The delay of a task the JDK schedules, in child time; a delay the system under test computes is its own. */
    public static long getDelay(Delayed task, TimeUnit unit) {
        if (task.getClass().getClassLoader() != null) {
            return task.getDelay(unit);
        }
        return unit.convert(ChildTime.childNanos(task.getDelay(TimeUnit.NANOSECONDS)), TimeUnit.NANOSECONDS);
    }

    private static long untilNanos(long deadlineMillis) {
        return TimeUnit.MILLISECONDS.toNanos(deadlineMillis) - ChildTime.epochNanos();
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}

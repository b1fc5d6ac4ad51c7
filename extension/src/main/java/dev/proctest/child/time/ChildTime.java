package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.TimePlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The time of the system under test in this child: real time unless the plan says otherwise.
 * Rewritten classes read it through {@link TimeDelegates}; proctest's own runtime reads it to stamp
 * log records and recorded calls, and keeps real time for everything else.
 *
 * <p>Until {@code main} starts, a child with a start time stands still at it and a child without
 * one follows real time; from then on the child's time runs at its factor. Both keep every clock
 * monotonic, unless the test {@linkplain #shift shifts} the wall clock of a child whose plan is
 * shiftable: then the wall clock jumps, as a stepped clock does, and {@link #nanoTime()} goes on.
 * On a {@linkplain TimePlan#virtual() virtual} plan the time stands still from {@code main} on but
 * for the jumps of the {@link VirtualClock}, and waits are not scaled but registered there.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildTime {

    /**
     * Child time at a moment of {@link System#nanoTime()} and how fast it runs from there: child
     * time at {@code now} is {@code child + (now - real) * factor}.
     */
    private record Base(long real, long childNanoTime, long childEpochNanos, double factor) {

        long elapsed(long now) {
            return factor == 1 ? now - real : (long) ((now - real) * factor);
        }
    }

    /** {@code null}: real time, nothing rewritten. */
    private static volatile Base base;
    /** How waits are scaled: 1 for a virtual clock, whose waits {@link VirtualWaits} makes. */
    private static volatile double factor = 1;
    private static volatile boolean virtual;
    private static volatile long graceNanos;
    private static volatile long startEpochNanos = TimePlan.REAL_START;
    /** The plan's clock offset, which the origin includes. */
    private static volatile long offsetNanos;
    /**
     * How far the test has shifted the wall clock since: apart from {@link Base}, so that a shift
     * that arrives before the plan is configured, or while {@code main} starts, is kept.
     */
    private static final AtomicLong SHIFTED = new AtomicLong();

    private ChildTime() {}

    /** Configures the child's time before {@code main}; the time runs at its factor from {@link #start()}. */
    static void configure(TimePlan plan) {
        virtual = plan.virtual();
        graceNanos = plan.graceNanos();
        factor = plan.virtual() ? 1 : plan.factor();
        startEpochNanos = plan.startEpochNanos();
        offsetNanos = plan.offsetNanos();
        long now = System.nanoTime();
        base = plan.startEpochNanos() == TimePlan.REAL_START
                ? new Base(now, now, realEpochNanos() + plan.offsetNanos(), 1)
                : new Base(now, now, plan.startEpochNanos() + plan.offsetNanos(), 0);
    }

    /**
     * Moves the wall clock by {@code nanos}, forward or back: every clock but {@link #nanoTime()},
     * log records and recorded calls from now on. The origin {@link #start()} reports does not
     * include it: the test JVM keeps count of its shifts itself.
     */
    public static void shift(long nanos) {
        SHIFTED.addAndGet(nanos);
    }

    /** Starts the child's time at its factor, as {@code main} starts; returns where it started, before any shift. */
    public static TimeOrigin start() {
        Base before = base;
        if (before == null) {
            return TimeOrigin.real();
        }
        long now = System.nanoTime();
        long real = realEpochNanos();
        long elapsed = before.elapsed(now);
        long childEpoch = startEpochNanos == TimePlan.REAL_START ? before.childEpochNanos + elapsed : startEpochNanos + offsetNanos;
        base = new Base(now, before.childNanoTime + elapsed, childEpoch, virtual ? 0 : factor);
        if (virtual) {
            VirtualClock.start(graceNanos);
        }
        return new TimeOrigin(childEpoch, real, virtual ? TimePlan.VIRTUAL : factor, ZoneId.systemDefault().getId());
    }

    /** The child's time, in nanoseconds since the epoch. */
    public static long epochNanos() {
        Base current = base;
        return current == null ? realEpochNanos() : current.childEpochNanos + current.elapsed(System.nanoTime()) + SHIFTED.get()
                + VirtualClock.elapsed();
    }

    /** The child's {@link System#nanoTime()}. */
    public static long nanoTime() {
        Base current = base;
        long now = System.nanoTime();
        return current == null ? now : current.childNanoTime + current.elapsed(now) + VirtualClock.elapsed();
    }

    /** Whether the child's clock is virtual, so that its waits are {@link VirtualWaits}. */
    static boolean virtual() {
        return virtual;
    }

    public static Instant instant() {
        return Instant.ofEpochSecond(0, epochNanos());
    }

    /**
     * The time a log record or call is stamped with: {@code realEpochNanos}, as a framework
     * stamped it, while time is real; the child's time now otherwise.
     */
    public static long stamp(long realEpochNanos) {
        return base == null ? realEpochNanos : epochNanos();
    }

    /**
     * How long to wait in real time for a wait of {@code childNanos} in child time: never zero for a
     * positive wait (zero means "forever" to some waits), rounded up so that a wait reads as at
     * least its length on the child's clocks.
     */
    public static long realNanos(long childNanos) {
        double current = factor;
        if (childNanos <= 0 || current == 1) {
            return childNanos;
        }
        double real = Math.ceil(childNanos / current);
        return real >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) real);
    }

    /** How long {@code realNanos} of real time last in child time. */
    public static long childNanos(long realNanos) {
        double current = factor;
        if (current == 1) {
            return realNanos;
        }
        double child = realNanos * current;
        return child >= Long.MAX_VALUE ? Long.MAX_VALUE : child <= Long.MIN_VALUE ? Long.MIN_VALUE : (long) child;
    }

    /** A clock that reads the child's time in {@code zone}. */
    public static Clock clock(ZoneId zone) {
        return new ChildClock(zone);
    }

    static long realEpochNanos() {
        return TimeOrigin.epochNanos(Instant.now());
    }

    private static final class ChildClock extends Clock {

        private final ZoneId zone;

        ChildClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return newZone.equals(zone) ? this : new ChildClock(newZone);
        }

        @Override
        public long millis() {
            return Math.floorDiv(epochNanos(), 1_000_000L);
        }

        @Override
        public Instant instant() {
            return ChildTime.instant();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ChildClock clock && clock.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return zone.hashCode() + 1;
        }

        @Override
        public String toString() {
            return "ChildClock[" + zone + "]";
        }
    }
}

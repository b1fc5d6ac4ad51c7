package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How time runs for the system under test in a child: {@code factor} times faster than real time,
 * from {@code startEpochNanos} (or from the real time when {@code main} starts), in the classes of
 * {@code packages} (or in every class but the JDK's and proctest's own runtime); for a {@code
 * shiftable} plan, with a wall clock {@code offsetNanos} off that, which the test may shift. A
 * {@link #VIRTUAL} factor stands for virtual time: the clock stands still while the system under test
 * runs and jumps to the next deadline when it waits, after {@code graceNanos} of real quiet while a
 * thread of it is blocked in I/O.
 *
 * @param factor how many times faster than real time, or {@link #VIRTUAL}
 * @param startEpochNanos nanoseconds since the epoch, or {@link #REAL_START}
 * @param shiftable whether the test may shift the child's wall clock while it runs
 * @param offsetNanos how far the wall clock starts off; 0 unless {@code shiftable}
 * @param packages package names; a class in one of them or in a subpackage runs on child time
 * @param graceNanos for virtual time, how long the child must be quiet while a thread is blocked in I/O before its clock jumps
 */
@API(status = INTERNAL, since = "0.1")
public record TimePlan(double factor, long startEpochNanos, boolean shiftable, long offsetNanos, List<String> packages,
        long graceNanos) {

    /** The factor of virtual time. */
    public static final double VIRTUAL = 0;

    /** The start time of a child whose time starts at the real time its {@code main} starts. */
    public static final long REAL_START = Long.MIN_VALUE;

    /** Real time: nothing rewritten. */
    public static final TimePlan REAL = new TimePlan(1, REAL_START, List.of());

    public TimePlan {
        packages = List.copyOf(packages);
        if (!shiftable && offsetNanos != 0) {
            throw new IllegalArgumentException("A clock offset needs a shiftable clock");
        }
    }

    /** A plan whose wall clock the test cannot shift. */
    public TimePlan(double factor, long startEpochNanos, List<String> packages) {
        this(factor, startEpochNanos, false, 0, packages);
    }

    /** A plan without a grace of its own. */
    public TimePlan(double factor, long startEpochNanos, boolean shiftable, long offsetNanos, List<String> packages) {
        this(factor, startEpochNanos, shiftable, offsetNanos, packages, 0);
    }

    public TimePlan withFactor(double newFactor) {
        return new TimePlan(newFactor, startEpochNanos, shiftable, offsetNanos, packages, graceNanos);
    }

    public TimePlan withStart(long newStartEpochNanos) {
        return new TimePlan(factor, newStartEpochNanos, shiftable, offsetNanos, packages, graceNanos);
    }

    public TimePlan withGrace(long newGraceNanos) {
        return new TimePlan(factor, startEpochNanos, shiftable, offsetNanos, packages, newGraceNanos);
    }

    /** Whether the child's clock is virtual: it moves only when the system under test waits. */
    public boolean virtual() {
        return factor == VIRTUAL;
    }

    /** Returns this plan with a shiftable wall clock that starts {@code newOffsetNanos} off. */
    public TimePlan withOffset(long newOffsetNanos) {
        return new TimePlan(factor, startEpochNanos, true, newOffsetNanos, packages, graceNanos);
    }

    public TimePlan withPackages(List<String> newPackages) {
        return new TimePlan(factor, startEpochNanos, shiftable, offsetNanos, newPackages, graceNanos);
    }

    /** Whether the child's time differs from real time, or may come to, so that its classes are rewritten. */
    public boolean rewrites() {
        return factor != 1 || startEpochNanos != REAL_START || shiftable;
    }
}

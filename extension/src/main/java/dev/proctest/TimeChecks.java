package dev.proctest;

import dev.proctest.wire.RuntimePackages;
import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.TimePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** What a {@link JavaChild} checks of its time settings, so that a bad spec fails where it is written. */
final class TimeChecks {

    private static final double MAX_TIME_FACTOR = 1_000_000;
    private static final Pattern PACKAGE_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private TimeChecks() {}

    static double factor(double factor, TimePlan time) {
        if (time.virtual()) {
            throw new IllegalArgumentException("timeFactor(" + factor + ") after virtualTime(): a child's clock either runs at a factor or"
                    + " is virtual, not both");
        }
        if (!(factor > 0) || factor > MAX_TIME_FACTOR) {
            throw new IllegalArgumentException("The time factor must be a number above 0 and at most 1,000,000 (1 is real time), not "
                    + factor);
        }
        return factor;
    }

    /** Returns the factor of virtual time, for a plan that has no factor of its own. */
    static double virtual(TimePlan time) {
        if (time.factor() != 1 && !time.virtual()) {
            throw new IllegalArgumentException("virtualTime() after timeFactor(" + time.factor() + "): a child's clock either runs at a"
                    + " factor or is virtual, not both");
        }
        return TimePlan.VIRTUAL;
    }

    /** Returns the start time in nanoseconds since the epoch; {@code offsetNanos} is the clock offset the spec already has. */
    static long startEpochNanos(Instant start, long offsetNanos) {
        Objects.requireNonNull(start, "start");
        long epochNanos;
        try {
            epochNanos = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L), start.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The start time must be within about 292 years of 1970, not " + start, e);
        }
        if (epochNanos == TimePlan.REAL_START) {
            throw new IllegalArgumentException("The start time must be within about 292 years of 1970, not " + start);
        }
        checkSum(epochNanos, offsetNanos);
        return epochNanos;
    }

    /** Returns the clock offset in nanoseconds; {@code startEpochNanos} is the start time the spec already has. */
    static long offsetNanos(Duration offset, long startEpochNanos) {
        Objects.requireNonNull(offset, "offset");
        long nanos;
        try {
            nanos = offset.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The clock offset must be within about 292 years, not " + offset, e);
        }
        checkSum(startEpochNanos == TimePlan.REAL_START ? TimeOrigin.epochNanos(Instant.now()) : startEpochNanos, nanos);
        return nanos;
    }

    private static void checkSum(long startEpochNanos, long offsetNanos) {
        try {
            Math.addExact(startEpochNanos, offsetNanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The child's clock would start at " + Instant.ofEpochSecond(0, startEpochNanos) + " moved by "
                    + Duration.ofNanos(offsetNanos) + ", beyond about 292 years of 1970", e);
        }
    }

    static List<String> packages(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Name at least one package whose classes run on child time");
        }
        for (String name : names) {
            if (!PACKAGE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a package name: '" + name + "'");
            }
            if (RuntimePackages.JDK.contains(name) || RuntimePackages.isJdk(name)) {
                throw new IllegalArgumentException("Cannot put " + name + " on child time: proctest does not rewrite the JDK's classes");
            }
        }
        return names;
    }
}

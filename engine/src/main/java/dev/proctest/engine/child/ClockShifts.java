package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.child.time.ClockShift;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.internal.Api;
import dev.proctest.wire.TimeOrigin;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code child.shiftClock(shift)}: checks that the child can shift its wall clock, has it run a
 * {@link ClockShift} as {@code child.run} runs a lambda, then moves the test's view of the child's
 * clock, and the stamps of what its log adds itself, by as much. The test's view moves once the
 * child's clock has: both agree when the call returns.
 */
final class ClockShifts {

    private ClockShifts() {}

    /** @param timeout how long the child may take to connect and shift its clock */
    static void shift(RunningChild child, Duration shift, Duration timeout) {
        Objects.requireNonNull(shift, "shift");
        long nanos = checked(child, shift);
        long deadline = System.nanoTime() + timeout.toNanos();
        ChildConnection connection = child.connection();
        try {
            child.status().changes().await(() -> connection.isAdmitted() || !child.isAlive(), deadline); // started without waiting: not yet connected
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "had not connected to the test JVM when the test's thread was"
                    + " interrupted, so its clock was not shifted"), e);
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        RemoteRuns.run(child, connection, new ClockShift(nanos), left, "the shift of its clock");
        child.status().shifted(nanos, child.log()::timeFrom);
        child.log().note("wall clock shifted " + (shift.isNegative() ? "back" : "forward") + " by " + Durations.format(shift.abs()));
    }

    /** Returns the shift in nanoseconds, for a child that can make it. */
    private static long checked(RunningChild child, Duration shift) {
        String cannot = "Cannot shift the clock of child '" + child.name() + "': ";
        if (!(child.spec() instanceof JavaChild java)) {
            throw new IllegalStateException(cannot + "it is not a Java child (" + child.spec() + "); proctest shifts clocks only in"
                    + " the code of a JavaChild, which it rewrites");
        }
        if (!Api.java(java).time().shiftable()) {
            throw new IllegalStateException(cannot + "its spec did not ask for a shiftable clock, so its classes read the real one; add"
                    + " .clockOffset(Duration.ZERO) to its JavaChild");
        }
        if (!child.isAlive()) {
            throw new IllegalStateException(cannot + "it has exited"
                    + child.exitCode().stream().mapToObj(code -> " with code " + code).findFirst().orElse(""));
        }
        if (child.isPaused()) { // it would shift once resumed, after the call had timed out and the test's view had not moved
            throw new IllegalStateException(cannot + "it is paused; resume() it first");
        }
        try {
            long nanos = shift.toNanos();
            if (child.status().hasStarted()) {
                Math.addExact(TimeOrigin.epochNanos(child.clock().instant()), nanos);
            }
            return nanos;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(cannot + "shifted by " + shift + " it would leave about 292 years of 1970", e);
        }
    }
}

package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.child.time.ClockAdvance;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.internal.Api;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code child.advanceClock(duration)}: checks that the child has a virtual clock to advance, and
 * has it run a {@link ClockAdvance}, as {@code child.run} runs a lambda. The child gives up a
 * little before the test would, so that the failure says why the clock did not get there.
 */
final class ClockAdvances {

    /** How much sooner than the test the child gives up: enough for its answer to arrive. */
    private static final Duration ANSWER = Duration.ofMillis(500);

    private ClockAdvances() {}

    /** @param timeout how long the child may take to advance its clock and be quiet again */
    static void advance(RunningChild child, Duration duration, Duration timeout) {
        Objects.requireNonNull(duration, "duration");
        String cannot = "Cannot advance the clock of child '" + child.name() + "': ";
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(cannot + "the duration must be positive, was " + duration);
        }
        if (!(child.spec() instanceof JavaChild java) || !Api.java(java).time().virtual()) {
            throw new IllegalStateException(cannot + "its clock is not virtual; give its JavaChild .virtualTime() to step its time"
                    + " from the test");
        }
        if (!child.isAlive()) {
            throw new IllegalStateException(cannot + "it has exited"
                    + child.exitCode().stream().mapToObj(code -> " with code " + code).findFirst().orElse(""));
        }
        if (child.isPaused()) {
            throw new IllegalStateException(cannot + "it is paused; resume() it first");
        }
        long nanos = saturated(duration);
        Duration inChild = timeout.compareTo(ANSWER.multipliedBy(2)) > 0 ? timeout.minus(ANSWER) : timeout.dividedBy(2);
        String failure = RemoteRuns.run(child, child.connection(), new ClockAdvance(nanos, inChild.toNanos()), timeout,
                "the advance of its clock");
        if (failure != null) {
            throw new ChildProcessException(ChildReport.of(child, "did not advance its virtual clock by " + Durations.format(duration)
                    + " within " + Durations.format(inChild) + ": it " + failure));
        }
        child.log().note("virtual clock advanced by " + Durations.format(duration));
    }

    private static long saturated(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

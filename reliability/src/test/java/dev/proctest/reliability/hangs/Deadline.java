package dev.proctest.reliability.hangs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Calls one wait of proctest's API with its deadline, asserts that it ends as its documentation
 * says, not before the deadline where it must wait it out and not {@link #HANG} after it, and notes
 * the overshoot, which {@link HangsTests} judges by the goal, {@link #SLACK}.
 */
final class Deadline {

    /**
     * How long after its deadline a wait may end on a loaded machine: the suite's goal, which
     * {@link HangsTests} judges the worst overshoot by unless the machine was overloaded.
     */
    static final Duration SLACK = Duration.ofSeconds(1);

    /**
     * How long after its deadline a wait may end on any machine, however overloaded, before it
     * counts as hanging: each wait is asserted against it.
     */
    static final Duration HANG = Duration.ofSeconds(5);

    /** The readiness of the children a fixture starts to wait on, not itself measured: generous, for an overloaded machine. */
    static final Duration SETUP = Duration.ofSeconds(60);

    /** The deadline the fixtures give their waits. */
    static final Duration D = Duration.ofMillis(500);

    /** A wait with a result, which may throw anything. */
    @FunctionalInterface
    interface Wait<T> {
        T call() throws Throwable;
    }

    /** A wait whose result, if any, does not matter, which may throw anything. */
    @FunctionalInterface
    interface Step {
        void run() throws Throwable;
    }

    private final String wait;
    private final String misbehaviour;
    private final Duration deadline;

    private Deadline(String wait, String misbehaviour, Duration deadline) {
        this.wait = wait;
        this.misbehaviour = misbehaviour;
        this.deadline = deadline;
    }

    /** The wait called {@code wait} (its API, as {@code awaitExit}) against {@code misbehaviour}, given {@code deadline}. */
    static Deadline of(String wait, String misbehaviour, Duration deadline) {
        return new Deadline(wait, misbehaviour, deadline);
    }

    /** Asserts that {@code call} throws {@code expected}, not before the deadline and not {@link #HANG} after it. */
    <X extends Throwable> X fails(Class<X> expected, Step call) {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            call.run();
        } catch (Throwable t) {
            thrown = t;
        }
        long elapsed = note(start);
        assertThat(thrown).as("%s against %s, given %s", wait, misbehaviour, deadline).isInstanceOf(expected);
        assertThat(elapsed).as("%s against %s ended before its deadline of %s", wait, misbehaviour, deadline)
                .isGreaterThanOrEqualTo(deadline.toMillis());
        assertEnded(elapsed);
        return expected.cast(thrown);
    }

    /**
     * Asserts that {@code call} returns less than {@link #HANG} after the deadline, and not before it when
     * {@code waitsItOut} (a wait whose other side cannot end it sooner, as a child that ignores {@code SIGTERM}).
     */
    <T> T returns(boolean waitsItOut, Wait<T> call) throws Exception {
        long start = System.nanoTime();
        T result;
        try {
            result = call.call();
        } catch (Exception | Error e) {
            note(start);
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        long elapsed = note(start);
        if (waitsItOut) {
            assertThat(elapsed).as("%s against %s ended before its deadline of %s", wait, misbehaviour, deadline)
                    .isGreaterThanOrEqualTo(deadline.toMillis());
        }
        assertEnded(elapsed);
        return result;
    }

    /** Like {@link #returns(boolean, Wait)} for a wait with no result. */
    void ends(boolean waitsItOut, Step call) throws Exception {
        returns(waitsItOut, () -> {
            call.run();
            return null;
        });
    }

    private long note(long start) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Overshoots.note(new Overshoots.Timed(wait, misbehaviour, deadline.toMillis(), elapsed));
        return elapsed;
    }

    private void assertEnded(long elapsed) {
        assertThat(elapsed).as("%s against %s, given %s, took %d ms", wait, misbehaviour, deadline, elapsed)
                .isLessThan(deadline.plus(HANG).toMillis());
    }
}

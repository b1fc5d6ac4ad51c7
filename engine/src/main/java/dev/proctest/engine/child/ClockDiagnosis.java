package dev.proctest.engine.child;

import dev.proctest.JavaChild;
import dev.proctest.child.time.ClockState;
import dev.proctest.internal.Api;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Has the failure messages about a child on a virtual clock (a wait on its logs or calls that
 * timed out, a socket's timeout) say what holds its clock: they read a {@link ClockState} in the
 * child when they are written. Nothing is asked of the child before a message needs it.
 */
final class ClockDiagnosis {

    /** How long a message waits for the child's answer: a child that does not answer soon has more to say in its log. */
    private static final Duration ANSWER = Duration.ofSeconds(3);

    private ClockDiagnosis() {}

    static void attach(RunningChild child) {
        if (child.spec() instanceof JavaChild java && Api.java(java).time().virtual()) {
            Supplier<String> note = () -> read(child);
            child.log().clockNote().readFrom(note);
            child.recordedCalls().clockNote().readFrom(note);
        }
    }

    private static String read(RunningChild child) {
        if (!child.isAlive() || child.connection() == null) {
            return "";
        }
        if (child.isPaused()) {
            return "It is paused, and so is its virtual clock.";
        }
        try {
            return RemoteRuns.run(child, child.connection(), new ClockState(), ANSWER, "the reading of its virtual clock");
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return "Its virtual clock could not be read: " + message.lines().findFirst().orElse(message);
        }
    }
}

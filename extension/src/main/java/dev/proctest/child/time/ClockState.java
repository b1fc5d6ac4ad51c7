package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteCallable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a failure message about a child on a virtual clock runs in it: the clock's reading, how
 * long it has not moved (real time) and why, as the last observation of {@link Quiescence} saw it;
 * nothing is recorded for it but that observation's outcome. Returns a sentence.
 */
@API(status = INTERNAL, since = "0.4")
public record ClockState() implements RemoteCallable<String> {

    private static final long serialVersionUID = 1L;
    private static final int FRAMES = 3;
    private static final int TASK_NAME = 15;
    /** How long to wait for an observation: they come every millisecond or sooner while a deadline is pending. */
    private static final long ASK = 1_500_000_000;

    @Override
    public String call() {
        if (!VirtualClock.started()) {
            return "Its virtual clock has not started: its main has not started yet.";
        }
        long still = System.nanoTime() - VirtualClock.movedAt();
        return "Its virtual clock reads " + format(VirtualClock.elapsed()) + " since main started and has not moved for "
                + format(still) + " of real time: " + why() + ".";
    }

    private static String why() {
        if (VirtualClock.advancing()) {
            return "an advance from the test is under way";
        }
        if (!VirtualClock.jumpsByItself()) {
            return "it is stepped by the test (proctest.time.virtual.stepped), and only child.advanceClock moves it";
        }
        if (!VirtualClock.pending()) {
            return "no deadline is pending (no thread of the system under test sleeps or waits with a timeout), so it has nowhere"
                    + " to jump to";
        }
        Quiescence.Seen seen = Quiescence.ask(ASK);
        if (seen == null) {
            return "a thread that the clock woke has not run since";
        }
        if (seen.state() == Quiescence.State.RUNS) {
            Thread thread = seen.running() == null ? seen.inIo() : named(seen.running());
            return (thread == null ? "its thread '" + seen.running() + "'" : describe(thread)) + " keeps running (a busy loop, or"
                    + " work that never waits), and the clock jumps only while no thread of the system under test runs";
        }
        if (seen.state() == Quiescence.State.HELD) {
            Thread thread = seen.inIo();
            return (thread == null ? "a thread" : describe(thread)) + " is blocked in the kernel, but not for input ("
                    + (seen.call() == Tasks.RUNS_AGAIN ? "it has just run again" : seen.call() < 0 ? "in a page fault"
                    : "system call " + seen.call()) + ": a lock of the JVM's such as another"
                    + " thread's class initialisation, a read of a file, a write), which holds the clock as running does, for up to "
                    + format(Census.HELD_AT_MOST) + " without running";
        }
        if (seen.state() == Quiescence.State.OTHERS_RUN) {
            return "a thread of the JVM or of proctest runs ('" + seen.other() + "' was seen), which delays a jump";
        }
        if (seen.state() == Quiescence.State.IN_IO) {
            Thread thread = seen.inIo();
            String outside = thread == null ? null : OutsideWaits.of(thread);
            return (thread == null ? "a thread" : describe(thread)) + (outside != null ? " waits for the test JVM (" + outside + ")"
                    : " is blocked in I/O (or for over " + format(Census.HELD_AT_MOST) + " in another wait of the kernel)") + ", which"
                    + " holds the clock until the child has been quiet for the grace of "
                    + format(Quiescence.grace()) + " (proctest.time.virtual.grace)";
        }
        return "its threads wait, and it is about to jump to the next deadline";
    }

    /** The thread of the system under test whose task has {@code task} for a name: 15 characters of its own. */
    private static Thread named(String task) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> task.equals("java") ? thread.getName().equals("main")
                        : thread.getName().substring(0, Math.min(TASK_NAME, thread.getName().length())).equals(task))
                .findFirst().orElse(null);
    }

    private static String describe(Thread thread) {
        String frames = Arrays.stream(thread.getStackTrace()).limit(FRAMES).map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
        return "thread '" + thread.getName() + "' (" + thread.getState() + (frames.isEmpty() ? "" : ", at " + frames) + ")";
    }

    /** A length of time in seconds, to the millisecond: {@code 12.000 s}. */
    static String format(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
}

package dev.proctest.engine.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Matches the lines a child's pipe delivers for one stream against the lines the child's runtime
 * reported writing to it, in order. Everything the runtime wrote reaches the pipe in the same
 * order, so a pipe line that differs from the next reported one was written past the runtime: by
 * the JVM before the runtime started, by native code, or by a grandchild that shares the stream.
 * Such lines, and lines the runtime could not report before the child was killed, are the extras
 * that become records of their own. A matched line tells its record that it reached the pipe.
 */
final class PipeMatcher {

    /** A line read from the pipe, numbered from 0 in the order read, with when it was read. */
    record PipedLine(long index, String text, Instant time) {}

    private record Reported(String text, PendingRecord owner) {}

    private final Deque<Reported> reported = new ArrayDeque<>();
    private final Deque<PipedLine> piped = new ArrayDeque<>();
    private long pipedCount;
    private long lastPipedNanos = Long.MIN_VALUE;

    void reported(String text, PendingRecord owner) {
        reported.addLast(new Reported(text, owner));
    }

    /** Takes a line the pipe delivered at {@code nowNanos}. */
    void piped(String text, Instant time, long nowNanos) {
        piped.addLast(new PipedLine(pipedCount++, text, time));
        lastPipedNanos = nowNanos;
    }

    /** Returns when the pipe last delivered a line, {@link Long#MIN_VALUE} if it has not. */
    long lastPipedNanos() {
        return lastPipedNanos;
    }

    /** Returns how many lines the pipe delivered so far. */
    long pipedCount() {
        return pipedCount;
    }

    /** Returns whether a pipe line waits with no reported line to compare it with. */
    boolean hasWaiting() {
        return !piped.isEmpty();
    }

    /**
     * Matches what can be matched, in pipe order: each match tells its record that its line came
     * through, and each extra line goes to {@code extra} as soon as it is known, so that records
     * matched after it are released after it. A pipe line with no reported line to compare with
     * waits, as its report may still be on its way, unless it was read before {@code knownBefore}:
     * the runtime has said that every line read until then has been reported.
     *
     * @param knownBefore the number of the first pipe line whose report may still come;
     *     {@link Long#MAX_VALUE} once the runtime has reported all it will
     */
    void match(long knownBefore, Consumer<PipedLine> extra) {
        while (!piped.isEmpty()) {
            while (!reported.isEmpty() && reported.peekFirst().owner().isReleased()) {
                reported.removeFirst(); // its record stopped waiting for it: no line will match it in order
            }
            if (!reported.isEmpty()) {
                if (piped.peekFirst().text().equals(reported.peekFirst().text())) {
                    piped.removeFirst();
                    reported.removeFirst().owner().lineReachedPipe();
                } else {
                    extra.accept(piped.removeFirst());
                }
            } else if (piped.peekFirst().index() < knownBefore) {
                extra.accept(piped.removeFirst());
            } else {
                break;
            }
        }
    }
}

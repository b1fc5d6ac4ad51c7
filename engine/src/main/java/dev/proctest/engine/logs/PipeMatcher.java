package dev.proctest.engine.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Matches the lines a child's pipe delivers for one stream against the lines the child's runtime
 * reported writing to it. The runtime numbers each line it writes, in the order the lines reach the
 * stream, so its lines come through the pipe in the order of their numbers, however the records
 * that report them are ordered: threads that log at once report their lines out of that order. A
 * pipe line that differs from the runtime's next line was written past the runtime: by the JVM
 * before the runtime started, by native code, or by a grandchild that shares the stream. Such
 * lines, and lines the runtime could not report before the child was killed, are the extras that
 * become records of their own. A matched line tells its record that it reached the pipe.
 *
 * <p>A report that comes after its line was judged an extra (the runtime's answer that all was
 * reported came too early) still completes: its line counts as come through, so that its record
 * does not wait, and the lines after it are matched as before rather than all becoming extras.
 */
final class PipeMatcher {

    /** A line read from the pipe, numbered from 0 in the order read, with when it was read. */
    record PipedLine(long index, String text, Instant time) {}

    private record Reported(String text, PendingRecord owner) {}

    private record Extra(String text, long judgedNanos) {}

    /**
     * How long, and how many, lines judged extras with no report to compare them with may still
     * turn out to be the runtime's: a late report comes within the runtime's patience.
     */
    private static final long LATE_REPORT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int LATE_REPORT_LINES = 4096;

    /** The runtime's lines not yet matched, by their numbers. */
    private final NavigableMap<Long, Reported> reported = new TreeMap<>();
    private final Deque<PipedLine> piped = new ArrayDeque<>();
    /** Lines judged extras while no report was there to compare them with, oldest first, and how many of each text. */
    private final Deque<Extra> unreported = new ArrayDeque<>();
    private final Map<String, Integer> unreportedTexts = new HashMap<>();
    /** The number of the runtime's next line on the pipe. */
    private long nextLine;
    private long pipedCount;
    private long lastPipedNanos = Long.MIN_VALUE;

    /**
     * Takes the runtime's line {@code number}, reported at {@code nowNanos}, which its {@code
     * owner} waits to see come through the pipe; a line the matching has passed already came
     * through, as an extra or before a gap.
     */
    void reported(long number, String text, PendingRecord owner, long nowNanos) {
        if (number < nextLine) {
            owner.lineReachedPipe();
            forget(text); // if it was judged an extra, it is accounted for now
            return;
        }
        reported.put(number, new Reported(text, owner));
        matchLateReports(nowNanos);
    }

    /** Matches the reports that came after their lines were judged extras, in the runtime's order. */
    private void matchLateReports(long nowNanos) {
        while (!unreported.isEmpty() && nowNanos - unreported.peekFirst().judgedNanos() > LATE_REPORT_NANOS) {
            forget(unreported.removeFirst().text());
        }
        Reported next;
        while (!unreportedTexts.isEmpty() && (next = reported.get(nextLine)) != null && forget(next.text())) {
            matched();
        }
    }

    private void judgedUnreported(String text, long nowNanos) {
        if (unreported.size() == LATE_REPORT_LINES) {
            forget(unreported.removeFirst().text());
        }
        unreported.addLast(new Extra(text, nowNanos));
        unreportedTexts.merge(text, 1, Integer::sum);
    }

    /** Counts one line of {@code text} fewer among the unreported extras; false if there was none. */
    private boolean forget(String text) {
        Integer count = unreportedTexts.get(text);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            unreportedTexts.remove(text);
        } else {
            unreportedTexts.put(text, count - 1);
        }
        return true;
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
     * matched after it are released after it. A pipe line with no reported line to compare it with
     * waits, as its report may still be on its way, unless it was read before {@code knownBefore}:
     * the runtime has said that every line read until then has been reported.
     *
     * @param knownBefore the number of the first pipe line whose report may still come;
     *     {@link Long#MAX_VALUE} once the runtime has reported all it will
     * @param nowNanos the time now, on the clock of {@link #piped}'s
     */
    void match(long knownBefore, long nowNanos, Consumer<PipedLine> extra) {
        while (!piped.isEmpty()) {
            skipReleased();
            PipedLine line = piped.peekFirst();
            Reported next = reported.get(nextLine);
            if (next != null) {
                piped.removeFirst();
                if (line.text().equals(next.text())) {
                    matched();
                } else {
                    extra.accept(line);
                }
            } else if (line.index() < knownBefore) {
                piped.removeFirst();
                Map.Entry<Long, Reported> later = reported.firstEntry();
                if (later != null && line.text().equals(later.getValue().text())) {
                    nextLine = later.getKey(); // the lines before it were written but never reported: a child cut short
                    matched();
                } else {
                    judgedUnreported(line.text(), nowNanos);
                    extra.accept(line);
                }
            } else {
                break;
            }
        }
    }

    private void matched() {
        reported.remove(nextLine++).owner().lineReachedPipe();
    }

    /** Passes over lines whose records stopped waiting for them: they no longer hold up the lines after them. */
    private void skipReleased() {
        Reported next;
        while ((next = reported.get(nextLine)) != null && next.owner().isReleased()) {
            reported.remove(nextLine++);
        }
        Map.Entry<Long, Reported> first = reported.firstEntry();
        while (first != null && first.getValue().owner().isReleased() && reported.get(nextLine) == null) {
            reported.remove(first.getKey()); // a released record's line past a gap: it no longer waits
            first = reported.firstEntry();
        }
    }
}

package dev.proctest.engine.logs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Matches the lines a child's pipe delivers for one stream against the lines the child's runtime
 * reported writing to it, in order. Everything the runtime wrote reaches the pipe in the same
 * order, so a pipe line that differs from the next reported one was written past the runtime: by
 * the JVM before the runtime started, by native code, or by a grandchild that shares the stream.
 * Such lines, and lines the runtime could not report before the child was killed, are the extras
 * that become records of their own.
 */
final class PipeMatcher {

    /** A line read from the pipe, with when it was read. */
    record PipedLine(String text, Instant time) {}

    private final Deque<String> reported = new ArrayDeque<>();
    private final Deque<PipedLine> piped = new ArrayDeque<>();

    void reported(String text) {
        reported.addLast(text);
    }

    void piped(String text, Instant time) {
        piped.addLast(new PipedLine(text, time));
    }

    /**
     * Returns the pipe lines known now to be extras. Until {@code complete}, a pipe line with no
     * reported line to compare with waits: its report may still be on its way.
     *
     * @param complete whether the runtime has reported all it will
     */
    List<PipedLine> extras(boolean complete) {
        List<PipedLine> extras = new ArrayList<>();
        while (!piped.isEmpty()) {
            if (!reported.isEmpty()) {
                if (piped.peekFirst().text().equals(reported.peekFirst())) {
                    piped.removeFirst();
                    reported.removeFirst();
                } else {
                    extras.add(piped.removeFirst());
                }
            } else if (complete) {
                extras.add(piped.removeFirst());
            } else {
                break;
            }
        }
        return extras;
    }
}

package dev.proctest.engine.logs;

import dev.proctest.wire.WireRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Puts a child's records in the order it wrote them: the records its runtime sent, each held
 * until its lines came through the pipes too ({@link PipeMatcher}), and between them the lines
 * that reached the pipes past the runtime. Lines read with no report to compare them with are the
 * runtime's to account for: it is asked ({@code SYNC}), and a line read before the question and
 * still unmatched when the answer comes is an extra. Not thread-safe: its log calls it under its
 * own lock.
 */
final class RecordOrder {

    /**
     * Where the ordered records go, in order.
     *
     * @param record takes a record the runtime sent
     * @param extra takes a line that reached a pipe past the runtime, and whether stderr's
     */
    record Sink(Consumer<WireRecord> record, BiConsumer<Boolean, PipeMatcher.PipedLine> extra) {}

    /**
     * How long a record may wait for its lines to come through quiet pipes: a line that never comes
     * must not stop the log. While the pipes deliver lines, a record waits on: under load the pipe
     * reader lags the hub by seconds, and a record released before its line arrives would make
     * that line an extra, a duplicate out of place.
     */
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Deque<PendingRecord> pending = new ArrayDeque<>();
    private final PipeMatcher stdout = new PipeMatcher();
    private final PipeMatcher stderr = new PipeMatcher();
    private LongConsumer syncRequester = id -> { };
    private long syncs;
    private long syncAsked = -1;
    private long askedOut;
    private long askedErr;
    private long syncedOut;
    private long syncedErr;

    /** Sets how to ask the runtime about unmatched lines: {@code requester} sends the question's number. */
    void syncWith(LongConsumer requester) {
        this.syncRequester = requester;
    }

    /** Takes records the runtime sent at {@code nowNanos}, with the lines they account for on the pipes. */
    void reported(List<WireRecord> records, long nowNanos) {
        for (WireRecord record : records) {
            boolean event = record.kind() == WireRecord.Kind.EVENT;
            PendingRecord held = PendingRecord.of(record, event ? record.echoes().size() : 1, nowNanos);
            pending.addLast(held);
            if (event) {
                record.echoes().forEach(echo -> (echo.toStderr() ? stderr : stdout).reported(echo.line(), echo.text(), held,
                        nowNanos));
            } else {
                (record.kind() == WireRecord.Kind.STDERR ? stderr : stdout).reported(record.line(), record.message(), held, nowNanos);
            }
        }
    }

    /** Takes a line read from a pipe at {@code nowNanos}, stamped {@code time}. */
    void piped(boolean fromStderr, String line, Instant time, long nowNanos) {
        (fromStderr ? stderr : stdout).piped(line, time, nowNanos);
    }

    /** Whether nothing is held: a message that follows the records can take effect now. */
    boolean holdsNothing() {
        return pending.isEmpty();
    }

    /** Holds {@code action} until every record held so far is released. */
    void after(Runnable action) {
        pending.addLast(PendingRecord.marker(action));
    }

    /**
     * The runtime answered question {@code id}: every line read before it was asked has had its
     * report.
     *
     * @return whether it answered the question open, and so may release records
     */
    boolean synced(long id) {
        if (id != syncAsked) {
            return false;
        }
        syncAsked = -1;
        syncedOut = askedOut;
        syncedErr = askedErr;
        return true;
    }

    /**
     * Matches the pipes' lines and releases the records whose lines came through; an extra line
     * goes in after the records released before it and before those still waiting. Asks the
     * runtime about lines that wait with no report to compare them with.
     *
     * @param reportsComplete whether the runtime reported all it will: unmatched lines are extras
     */
    void process(boolean reportsComplete, long nowNanos, Sink sink) {
        stdout.match(reportsComplete ? Long.MAX_VALUE : syncedOut, nowNanos, line -> {
            release(false, nowNanos, sink);
            sink.extra().accept(false, line);
        });
        stderr.match(reportsComplete ? Long.MAX_VALUE : syncedErr, nowNanos, line -> {
            release(false, nowNanos, sink);
            sink.extra().accept(true, line);
        });
        release(false, nowNanos, sink);
        if (!reportsComplete && syncAsked < 0 && (stdout.hasWaiting() || stderr.hasWaiting())) {
            syncAsked = ++syncs;
            askedOut = stdout.pipedCount();
            askedErr = stderr.pipedCount();
            syncRequester.accept(syncAsked);
        }
    }

    /** Releases every record still held, waiting for its lines or not: the log completes. */
    void releaseAll(long nowNanos, Sink sink) {
        release(true, nowNanos, sink);
    }

    private void release(boolean all, long nowNanos, Sink sink) {
        long pipesLastActive = Math.max(stdout.lastPipedNanos(), stderr.lastPipedNanos());
        while (!pending.isEmpty() && (all || pending.peekFirst().isReleasable(MAX_HOLD_NANOS, pipesLastActive, nowNanos))) {
            PendingRecord next = pending.removeFirst();
            next.released();
            if (next.record() == null) {
                next.marker().run();
            } else {
                sink.record().accept(next.record());
            }
        }
    }
}

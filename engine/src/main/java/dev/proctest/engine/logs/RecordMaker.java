package dev.proctest.engine.logs;

import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.internal.Api;
import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.TimePlan;
import dev.proctest.wire.WireRecord;
import java.time.Instant;

/**
 * Makes one child's records: numbered in the order of its log, and what the log adds itself
 * (lines only the pipes had, proctest's own lines) stamped with the child's time, as the child
 * stamps its own records. The time of a child on a virtual clock cannot be computed here: what the
 * log adds then carries the latest time the child stamped a record with, which a clock that only
 * moves forward has reached. Not thread-safe but for {@link #timeFrom}: its log makes records under
 * its own lock.
 */
final class RecordMaker {

    /** The levels by their numbers on the wire: their ordinals. */
    private static final Level[] LEVELS = Level.values();

    private final String child;
    private volatile TimeOrigin timeOrigin;
    private long sequence;
    /** The latest time the child's runtime stamped a record with, in nanoseconds since the epoch. */
    private long latestStamp = Long.MIN_VALUE;

    /** @param lastNumber the number of the record before the first this one makes: 0, or the last of an earlier incarnation */
    RecordMaker(String child, long lastNumber) {
        this.child = child;
        this.sequence = lastNumber;
    }

    /** Stamps what the log adds with the child's time from now on. */
    void timeFrom(TimeOrigin origin) {
        timeOrigin = origin;
    }

    /** Returns the number of the last record made. */
    long lastNumber() {
        return sequence;
    }

    /** The record of a pipe line. */
    LogRecord line(boolean fromStderr, PipeMatcher.PipedLine line) {
        return Api.logRecord(child, ++sequence, atLeastLatest(line.time()), fromStderr ? Level.WARN : Level.INFO, fromStderr ? "stderr" : "stdout",
                "", line.text(), null);
    }

    /** The record of what the runtime sent. */
    LogRecord reported(WireRecord record) {
        LoggedThrowable thrown = record.hasThrowable()
                ? Api.loggedThrowable(record.throwableType(), record.throwableMessage(), record.stackTrace()) : null;
        latestStamp = Math.max(latestStamp, record.epochNanos());
        return Api.logRecord(child, ++sequence, Instant.ofEpochSecond(0, record.epochNanos()), LEVELS[record.level()], record.logger(),
                record.thread(), record.message(), thrown);
    }

    /** A line of proctest's own about the child, unnumbered: it goes to the file only. */
    LogRecord note(String text) {
        return Api.logRecord(child, 0, atLeastLatest(now()), Level.INFO, "proctest", "", text, null);
    }

    /** {@code time}, or on a virtual clock the latest time the child stamped a record with if that is later. */
    private Instant atLeastLatest(Instant time) {
        TimeOrigin origin = timeOrigin;
        if (origin == null || origin.factor() != TimePlan.VIRTUAL || latestStamp == Long.MIN_VALUE) {
            return time;
        }
        return TimeOrigin.epochNanos(time) >= latestStamp ? time : Instant.ofEpochSecond(0, latestStamp);
    }

    /** The child's time now: real time until its {@code main} started on child time. */
    Instant now() {
        TimeOrigin origin = timeOrigin;
        Instant now = Instant.now();
        return origin == null ? now : Instant.ofEpochSecond(0, origin.childNanos(TimeOrigin.epochNanos(now)));
    }
}

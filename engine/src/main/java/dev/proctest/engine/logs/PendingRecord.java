package dev.proctest.engine.logs;

import dev.proctest.wire.WireRecord;

/**
 * A record the child's runtime sent, held back until the lines it wrote to stdout or stderr have
 * come through the pipes too: released in the child's order, records and the extra lines found
 * on the pipes between them keep the order in which the child wrote them. A marker holds a
 * message that followed the records (ready, published), which takes effect when released.
 */
final class PendingRecord {

    private final WireRecord record;
    private final Runnable marker;
    private final long arrivedNanos = System.nanoTime();
    private int linesOnTheirWay;
    private boolean released;

    private PendingRecord(WireRecord record, Runnable marker, int lines) {
        this.record = record;
        this.marker = marker;
        this.linesOnTheirWay = lines;
    }

    /** A record whose {@code lines} lines are still to come through the pipes. */
    static PendingRecord of(WireRecord record, int lines) {
        return new PendingRecord(record, null, lines);
    }

    /** A marker that runs {@code action} once every record before it is released. */
    static PendingRecord marker(Runnable action) {
        return new PendingRecord(null, action, 0);
    }

    /** Returns the record, or null for a marker. */
    WireRecord record() {
        return record;
    }

    Runnable marker() {
        return marker;
    }

    void lineReachedPipe() {
        linesOnTheirWay--;
    }

    /** Whether every line of the record came through, or it has waited {@code maxNanos} already. */
    boolean isReleasable(long maxNanos) {
        return linesOnTheirWay <= 0 || System.nanoTime() - arrivedNanos > maxNanos;
    }

    void released() {
        released = true;
    }

    /** Whether it is in the log already: a line of it that comes through later has no record left to wait for it. */
    boolean isReleased() {
        return released;
    }
}

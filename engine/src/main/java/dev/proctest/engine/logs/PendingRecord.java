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
    private final long arrivedNanos;
    private int linesOnTheirWay;
    private boolean released;

    private PendingRecord(WireRecord record, Runnable marker, int lines, long arrivedNanos) {
        this.record = record;
        this.marker = marker;
        this.linesOnTheirWay = lines;
        this.arrivedNanos = arrivedNanos;
    }

    /** A record, arrived at {@code nowNanos}, whose {@code lines} lines are still to come through the pipes. */
    static PendingRecord of(WireRecord record, int lines, long nowNanos) {
        return new PendingRecord(record, null, lines, nowNanos);
    }

    /** A marker that runs {@code action} once every record before it is released. */
    static PendingRecord marker(Runnable action) {
        return new PendingRecord(null, action, 0, 0);
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

    /**
     * Whether every line of the record came through, or it has waited {@code maxNanos} already
     * while the pipes were quiet: a pipe reader that lags behind (a busy machine) is still
     * delivering, and its lines are still to come.
     *
     * @param pipesLastActiveNanos when a pipe last delivered a line
     * @param nowNanos the time now, on the clock of the other two
     */
    boolean isReleasable(long maxNanos, long pipesLastActiveNanos, long nowNanos) {
        return linesOnTheirWay <= 0 || nowNanos - Math.max(arrivedNanos, pipesLastActiveNanos) > maxNanos;
    }

    void released() {
        released = true;
    }

    /** Whether it is in the log already: a line of it that comes through later has no record left to wait for it. */
    boolean isReleased() {
        return released;
    }
}

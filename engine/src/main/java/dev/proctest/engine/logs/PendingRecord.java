package dev.proctest.engine.logs;

import dev.proctest.wire.WireRecord;

/**
 * A record the child's runtime sent, held back until the lines it wrote to stdout or stderr have
 * come through the pipes too: released in the child's order, records and the extra lines found
 * on the pipes between them keep the order in which the child wrote them.
 */
final class PendingRecord {

    private final WireRecord record;
    private final long arrivedNanos = System.nanoTime();
    private int linesOnTheirWay;

    PendingRecord(WireRecord record, int lines) {
        this.record = record;
        this.linesOnTheirWay = lines;
    }

    WireRecord record() {
        return record;
    }

    void lineReachedPipe() {
        linesOnTheirWay--;
    }

    /** Whether every line of the record came through, or it has waited {@code maxNanos} already. */
    boolean isReleasable(long maxNanos) {
        return linesOnTheirWay <= 0 || System.nanoTime() - arrivedNanos > maxNanos;
    }
}

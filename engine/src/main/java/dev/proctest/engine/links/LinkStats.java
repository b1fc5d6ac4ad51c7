package dev.proctest.engine.links;

/** What a link passed, counted on its thread; said in the transcript when it closes. */
final class LinkStats {

    private long connections;
    private long upBytes;
    private long downBytes;
    private long upMessages;
    private long downMessages;
    private long dropped;
    private long held;

    void connected() {
        connections++;
    }

    void bytes(Direction direction, long count) {
        if (direction.name.equals(LinkCore.UPSTREAM)) {
            upBytes += count;
        } else {
            downBytes += count;
        }
    }

    void passed(Direction direction) {
        if (direction.name.equals(LinkCore.UPSTREAM)) {
            upMessages++;
        } else {
            downMessages++;
        }
    }

    void dropped() {
        dropped++;
    }

    void held() {
        held++;
    }

    /** {@code 2 connections; upstream 1200 bytes, 10 messages; downstream ...; 1 dropped, 0 held}. */
    String summary() {
        return connections + (connections == 1 ? " connection" : " connections") + "; upstream " + upBytes + " bytes"
                + (upMessages > 0 ? ", " + upMessages + " messages" : "") + "; downstream " + downBytes + " bytes"
                + (downMessages > 0 ? ", " + downMessages + " messages" : "") + (dropped + held > 0 ? "; " + dropped
                + " messages dropped, " + held + " held" : "");
    }
}

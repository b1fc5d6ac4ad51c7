package dev.proctest.engine.logs;

import java.util.concurrent.TimeUnit;

/**
 * When a child's log is complete: once both pipes have closed and the runtime has sent its last
 * records (END) or its connection has closed after the last of them (a child killed with SIGKILL
 * or crashed: the hub says so), or, when neither comes (a child that never connected, a connection
 * still open), once nothing more has come for a while after the child exited. Not thread-safe: its
 * log moves it under its own lock.
 */
final class LogCompletion {

    /** How long after the exit, and after the last records, the log waits for the runtime's END when the runtime will send none. */
    private static final long NO_END_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** The same when the runtime should send END: its shutdown hook waits for the child's last records, and the hub may be busy. */
    private static final long END_NANOS = TimeUnit.SECONDS.toNanos(3);

    private boolean reportsComplete;
    /** Read without the log's lock by waiters: complete is a state that never goes back. */
    private volatile boolean complete;
    private int openPipes = 2;
    private boolean connected;
    private boolean disconnected;
    private boolean exited;
    private int exitCode;
    private long lastNewsNanos;

    /** @param hubless whether no runtime reports records: then the pipes alone make the log */
    LogCompletion(boolean hubless, long nowNanos) {
        this.reportsComplete = hubless;
        this.lastNewsNanos = nowNanos;
    }

    /** Something came from the child: records, a closing pipe, its exit. */
    void news(long nowNanos) {
        lastNewsNanos = nowNanos;
    }

    /** The runtime connected, or its connection closed: after all it sent, the hub says; a reconnection's records undo it. */
    void connection(boolean open, long nowNanos) {
        if (open) {
            connected = true;
        } else {
            disconnected = true;
            news(nowNanos);
        }
    }

    /** Records came: from a connection that is open, whatever closed before. */
    void recordsArrived(long nowNanos) {
        disconnected = false;
        news(nowNanos);
    }

    void reportsComplete() {
        reportsComplete = true;
    }

    void pipeClosed(long nowNanos) {
        openPipes--;
        news(nowNanos);
    }

    void exited(int code, long nowNanos) {
        exited = true;
        exitCode = code;
        news(nowNanos);
    }

    /** Whether the runtime has reported all it will: pipe lines not matched from now on are extras. */
    boolean areReportsComplete() {
        return reportsComplete;
    }

    /**
     * Whether the pipes have closed and the END that should have come is given up on, now: at once
     * once the exited child's connection has closed, since nothing more can come over it; the log
     * then completes without it.
     */
    boolean givesUpOnEnd(long nowNanos) {
        return openPipes == 0 && !reportsComplete && exited
                && (disconnected || nowNanos - lastNewsNanos > (endExpected() ? END_NANOS : NO_END_NANOS));
    }

    /** Whether the log can complete: both pipes closed and the last records in. */
    boolean canComplete() {
        return !complete && openPipes == 0 && reportsComplete;
    }

    void completed() {
        complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    boolean hasExited() {
        return exited;
    }

    int exitCode() {
        return exitCode;
    }

    /**
     * Whether the runtime will send END: it connected, and the JVM ran its shutdown hooks, as it
     * does on exit and on SIGHUP, SIGINT and SIGTERM, but not when killed otherwise.
     */
    private boolean endExpected() {
        return connected && (exitCode < 128 || exitCode == 128 + 1 || exitCode == 128 + 2 || exitCode == 128 + 15);
    }
}

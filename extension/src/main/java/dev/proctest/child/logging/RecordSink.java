package dev.proctest.child.logging;

import dev.proctest.wire.BatchWriter;
import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.WireRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Numbers the child's records in the order they are logged and sends them in batches. The first
 * record of a batch waits {@link #LINGER} for others to join it, and a full batch goes at once: a
 * child that logs a million records sends a few thousand messages, and a lone record is late by
 * about a millisecond at most. A child that logs faster than the channel carries is slowed down
 * rather than allowed to fill its memory; once the channel is closed, or has failed, records are
 * dropped: their lines still reach the pipes.
 */
public final class RecordSink {

    /** How many encoded bytes may wait for the channel before logging threads wait for it. */
    private static final int MAX_WAITING = 4 << 20;

    /** How long the first record of a batch waits for others, and how big a batch may grow before it goes at once. */
    private static final Duration LINGER = Duration.ofNanos(500_000);
    private static final int FULL = 64 << 10;

    private final RecordCodec codec = new RecordCodec();
    private final SocketLoop channel;
    private final Consumer<byte[]> send;
    private final BatchWriter batch = new BatchWriter();
    private long sequence;
    private boolean flushScheduled;
    private boolean fullFlushScheduled;
    private boolean closed;
    private long lastRecordNanos = System.nanoTime();

    /**
     * @param channel the loop of the channel's socket, on whose thread batches are sent
     * @param send sends a batch; called on the channel's thread
     */
    public RecordSink(SocketLoop channel, Consumer<byte[]> send) {
        this.channel = channel;
        this.send = send;
    }

    /** Records a line written to stdout or stderr, as the bytes written without its line end. */
    public synchronized void line(boolean stderr, byte[] text, int offset, int length) {
        if (awaitRoom()) {
            codec.encodeLine(batch, ++sequence, now(), stderr, Thread.currentThread().getName(), text, offset, length);
            added();
        }
    }

    /** Records an event of a logging framework, with the lines its console appenders printed for it. */
    public void event(int level, String logger, String thread, String message, Throwable thrown, List<WireRecord.Echo> echoes,
            long epochNanos) {
        event(level, logger, thread, message, thrown == null ? null : thrown.getClass().getName(),
                thrown == null ? null : thrown.getMessage(), thrown == null ? null : StackTraces.of(thrown), echoes, epochNanos);
    }

    /** Records an event whose exception the framework gives as text already. */
    public synchronized void event(int level, String logger, String thread, String message, String throwableType,
            String throwableMessage, String stackTrace, List<WireRecord.Echo> echoes, long epochNanos) {
        if (awaitRoom()) {
            codec.encodeEvent(batch, ++sequence, epochNanos, level, logger == null ? "" : logger, thread == null ? "" : thread,
                    message == null ? "" : message, throwableType, throwableMessage, stackTrace, echoes);
            added();
        }
    }

    /**
     * Sends what is waiting before anything the channel sends after this call: a message that
     * follows records must not overtake them. On the channel's thread it sends at once.
     */
    public void flushNow() {
        if (channel.isLoopThread()) {
            flush();
            return;
        }
        synchronized (this) {
            if (batch.size() > 0 && !fullFlushScheduled) {
                fullFlushScheduled = true;
                channel.execute(this::flush);
            }
        }
    }

    /**
     * Stops taking records, as the channel is about to close: what was flushed still goes, records
     * logged from now on are dropped.
     */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Sends what is waiting and returns once nothing was logged for {@code quiet}, or {@code limit} has passed. */
    public void drain(long quietMillis, long limitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        synchronized (this) {
            while (System.nanoTime() < deadline
                    && (batch.size() > 0 || System.nanoTime() - lastRecordNanos < TimeUnit.MILLISECONDS.toNanos(quietMillis))) {
                try {
                    wait(Math.max(1, Math.min(quietMillis, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Returns how many records were logged so far. */
    public synchronized long count() {
        return sequence;
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /**
     * Slows a child that logs faster than the channel carries, rather than letting it fill its
     * memory; never the channel's own thread, which is the one that makes room.
     *
     * @return whether the record is to be taken: not once the sink is closed
     */
    private boolean awaitRoom() {
        while (batch.size() > MAX_WAITING && !closed && channel.isRunning() && !channel.isLoopThread()) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !closed;
    }

    private void added() {
        lastRecordNanos = System.nanoTime();
        if (!flushScheduled) {
            flushScheduled = true;
            channel.schedule(this::flush, LINGER);
        } else if (batch.size() >= FULL && !fullFlushScheduled) {
            fullFlushScheduled = true;
            channel.execute(this::flush);
        }
    }

    /** Runs on the channel's thread: takes the waiting batch and sends it. */
    private void flush() {
        byte[] bytes;
        synchronized (this) {
            bytes = batch.take();
            flushScheduled = false;
            fullFlushScheduled = false;
            notifyAll();
        }
        if (bytes.length > 0) {
            send.accept(bytes);
        }
    }
}

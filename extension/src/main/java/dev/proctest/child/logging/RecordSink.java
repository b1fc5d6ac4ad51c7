package dev.proctest.child.logging;

import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.WireRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Numbers the child's records in the order they are logged and sends them in batches. A record
 * goes out at once when the channel is idle; records logged while a batch is on its way wait for
 * the next one, so a child that logs fast sends few large messages. A child that logs faster than
 * the channel carries is slowed down rather than allowed to fill its memory.
 */
public final class RecordSink {

    /** The ordinals of {@code dev.proctest.Level}: a line on stdout is INFO, on stderr WARN. */
    public static final int LEVEL_TRACE = 0;
    public static final int LEVEL_DEBUG = 1;
    public static final int LEVEL_INFO = 2;
    public static final int LEVEL_WARN = 3;
    public static final int LEVEL_ERROR = 4;

    /** How many encoded bytes may wait for the channel before logging threads wait for it. */
    private static final int MAX_WAITING = 4 << 20;

    private final RecordCodec codec = new RecordCodec();
    private final Consumer<Runnable> channelThread;
    private final Consumer<byte[]> send;
    private ByteArrayOutputStream batch = RecordCodec.newBatch();
    private DataOutputStream out = new DataOutputStream(batch);
    private long sequence;
    private boolean flushScheduled;
    private long lastRecordNanos = System.nanoTime();

    /**
     * @param channelThread runs a task on the channel's thread
     * @param send sends a batch; called on the channel's thread
     */
    public RecordSink(Consumer<Runnable> channelThread, Consumer<byte[]> send) {
        this.channelThread = channelThread;
        this.send = send;
    }

    /** Records a line written to stdout or stderr. */
    public void line(boolean stderr, String text) {
        add(stderr ? WireRecord.Kind.STDERR : WireRecord.Kind.STDOUT, stderr ? LEVEL_WARN : LEVEL_INFO,
                stderr ? "stderr" : "stdout", text, null, null, null, List.of(), now());
    }

    /** Records an event of a logging framework, with the lines its console appenders printed for it. */
    public void event(int level, String logger, String message, Throwable thrown, List<WireRecord.Echo> echoes, long epochNanos) {
        add(WireRecord.Kind.EVENT, level, logger == null ? "" : logger, message,
                thrown == null ? null : thrown.getClass().getName(), thrown == null ? null : thrown.getMessage(),
                thrown == null ? null : StackTraces.of(thrown), echoes, epochNanos);
    }

    /** Records an event whose exception the framework gives as text already. */
    public void event(int level, String logger, String message, String throwableType, String throwableMessage, String stackTrace,
            List<WireRecord.Echo> echoes, long epochNanos) {
        add(WireRecord.Kind.EVENT, level, logger == null ? "" : logger, message, throwableType, throwableMessage, stackTrace,
                echoes, epochNanos);
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

    private synchronized void add(WireRecord.Kind kind, int level, String logger, String message, String throwableType,
            String throwableMessage, String stackTrace, List<WireRecord.Echo> echoes, long epochNanos) {
        while (batch.size() > MAX_WAITING) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        codec.encode(new WireRecord(++sequence, epochNanos, kind, level, logger, Thread.currentThread().getName(), message,
                throwableType, throwableMessage, stackTrace, echoes), out);
        lastRecordNanos = System.nanoTime();
        if (!flushScheduled) {
            flushScheduled = true;
            channelThread.accept(this::flush);
        }
    }

    /** Runs on the channel's thread: takes the waiting batch and sends it. */
    private void flush() {
        byte[] bytes;
        synchronized (this) {
            bytes = batch.toByteArray();
            batch = RecordCodec.newBatch();
            out = new DataOutputStream(batch);
            flushScheduled = false;
            notifyAll();
        }
        if (bytes.length > 0) {
            send.accept(bytes);
        }
    }
}

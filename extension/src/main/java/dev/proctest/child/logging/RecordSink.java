package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.ChildTime;
import dev.proctest.child.time.OutsideWaits;
import dev.proctest.wire.BatchingSink;
import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.WireRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Numbers the child's records in the order they are logged and sends them in batches ({@link
 * BatchingSink}); once the channel is closed, or has failed, records are dropped: their lines
 * still reach the pipes.
 */
@API(status = INTERNAL, since = "0.1")
public final class RecordSink extends BatchingSink {

    private final RecordCodec codec = new RecordCodec();
    private long sequence;
    private long lastRecordNanos = System.nanoTime();

    /**
     * @param channel the loop of the channel's socket, on whose thread batches are sent
     * @param send sends a batch; called on the channel's thread
     */
    public RecordSink(SocketLoop channel, Consumer<byte[]> send) {
        super(channel, send);
    }

    /** Records line {@code number} written to stdout or stderr, as the bytes written without its line end. */
    public void line(boolean stderr, long number, byte[] text, int offset, int length) {
        OutsideWaits.Wait held = OutsideWaits.hold(); // the sink's lock and its room are the channel's, in real time
        try {
            synchronized (this) {
                if (awaitRoom()) {
                    codec.encodeLine(batch, ++sequence, now(), stderr, Thread.currentThread().getName(), number, text, offset, length);
                    added();
                }
            }
        } finally {
            held.close();
        }
    }

    /** Records an event of a logging framework, with the lines its console appenders printed for it. */
    public void event(int level, String logger, String thread, String message, Throwable thrown, List<WireRecord.Echo> echoes,
            long epochNanos) {
        event(level, logger, thread, message, thrown == null ? null : thrown.getClass().getName(),
                thrown == null ? null : thrown.getMessage(), thrown == null ? null : StackTraces.of(thrown), echoes, epochNanos);
    }

    /** Records an event whose exception the framework gives as text already. */
    public void event(int level, String logger, String thread, String message, String throwableType,
            String throwableMessage, String stackTrace, List<WireRecord.Echo> echoes, long epochNanos) {
        long stamped = ChildTime.stamp(epochNanos); // the framework's time is real time in a child on child time
        OutsideWaits.Wait held = OutsideWaits.hold();
        try {
            synchronized (this) {
                if (awaitRoom()) {
                    codec.encodeEvent(batch, ++sequence, stamped, level, logger == null ? "" : logger, thread == null ? "" : thread,
                            message == null ? "" : message, throwableType, throwableMessage, stackTrace, echoes);
                    added();
                }
            }
        } finally {
            held.close();
        }
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

    /** The time of a line the child prints: the child's time. */
    static long now() {
        return ChildTime.epochNanos();
    }

    @Override
    protected void added() {
        lastRecordNanos = System.nanoTime();
        super.added();
    }
}

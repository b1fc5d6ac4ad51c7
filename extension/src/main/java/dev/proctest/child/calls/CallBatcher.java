package dev.proctest.child.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.BatchWriter;
import dev.proctest.wire.SocketLoop;
import java.time.Duration;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Gathers recorded calls into batches for the channel, as the log sink gathers records: the first
 * call of a batch waits half a millisecond for others, a batch goes at once when it reaches
 * 64 KB, and a thread that records faster than the channel carries waits for room. One message per
 * call would cap the calls a child can report at the channel's message rate.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallBatcher {

    private static final int MAX_WAITING = 4 << 20;
    private static final Duration LINGER = Duration.ofNanos(500_000);
    private static final int FULL = 64 << 10;

    private final SocketLoop channel;
    private final Consumer<byte[]> send;
    private final BatchWriter batch = new BatchWriter();
    private boolean flushScheduled;
    private boolean fullFlushScheduled;

    /** @param send sends a batch of length-prefixed calls; called on the channel's thread */
    public CallBatcher(SocketLoop channel, Consumer<byte[]> send) {
        this.channel = channel;
        this.send = send;
    }

    /** Adds an encoded call to the waiting batch. */
    public synchronized void add(byte[] call) {
        while (batch.size() > MAX_WAITING && channel.isRunning() && !channel.isLoopThread()) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        batch.writeBytes(call, 0, call.length); // its length, then the call
        if (!flushScheduled) {
            flushScheduled = true;
            channel.schedule(this::flush, LINGER);
        } else if (batch.size() >= FULL && !fullFlushScheduled) {
            fullFlushScheduled = true;
            channel.execute(this::flush);
        }
    }

    /** Sends the waiting batch now: at once on the channel's thread, else handed to it ahead of what follows. */
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

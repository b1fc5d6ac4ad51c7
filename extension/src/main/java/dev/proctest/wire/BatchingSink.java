package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Gathers what a child reports into batches for its channel. The first entry of a batch waits
 * {@link #LINGER} for others to join it, and a full batch goes at once: a child that reports a
 * million entries sends a few thousand messages, and a lone entry is late by about a millisecond at
 * most. A child that reports faster than the channel carries is slowed down rather than allowed to
 * fill its memory; once the sink is closed, or the channel has failed, entries are dropped.
 *
 * <p>Subclasses write entries into {@link #batch} while holding this sink's lock, between {@link
 * #awaitRoom()} and {@link #added()}.
 */
@API(status = INTERNAL, since = "0.1")
public abstract class BatchingSink {

    /**
     * How many encoded bytes may wait for the channel before reporting threads wait for it. Small
     * enough that what waits is a few milliseconds of the test JVM's reading: a child that logs
     * faster than the test JVM reads is slowed down, and its records reach the test in time.
     */
    private static final int MAX_WAITING = 64 << 10;

    /** How long the first entry of a batch waits for others, and how big a batch may grow before it goes at once. */
    private static final Duration LINGER = Duration.ofNanos(500_000);
    private static final int FULL = 16 << 10;

    /** The batch being gathered; written under this sink's lock. */
    protected final BatchWriter batch = new BatchWriter();
    private final SocketLoop channel;
    private final Consumer<byte[]> send;
    private boolean flushScheduled;
    private boolean fullFlushScheduled;
    private boolean closed;

    /**
     * @param channel the loop of the channel's socket, on whose thread batches are sent
     * @param send sends a batch; called on the channel's thread
     */
    protected BatchingSink(SocketLoop channel, Consumer<byte[]> send) {
        this.channel = channel;
        this.send = send;
    }

    /**
     * Sends what is waiting before anything the channel sends after this call: a message that
     * follows entries must not overtake them. On the channel's thread it sends at once.
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

    /** Stops taking entries, as the channel is about to close: what was flushed still goes, later entries are dropped. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * Slows a thread that reports faster than the channel carries; never the channel's own thread,
     * which is the one that makes room. Call holding this sink's lock.
     *
     * @return whether the entry is to be taken: not once the sink is closed
     */
    protected final boolean awaitRoom() {
        if (batch.size() <= MAX_WAITING) {
            return !closed;
        }
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

    /** Schedules the batch's sending after an entry was written; call holding this sink's lock. */
    protected void added() {
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

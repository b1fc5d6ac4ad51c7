package dev.proctest.engine.links;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One direction of one connection through a link: reads what one end sends, lets its {@link
 * Direction}'s faults act on it, and writes it to the other end. Runs on the link's thread.
 */
final class Flow implements ZmtpScanner.Units {

    /** Above this many bytes waiting in the link, the flow stops reading, so its sender feels TCP's back pressure. */
    private static final long HIGH_WATER = 1 << 20;
    /** The bytes a throttled flow may save up, in seconds of its rate: keeps a throttle smooth. */
    private static final double BURST_SECONDS = 0.01;

    /** Bytes on their way out, and when they may leave. */
    private static final class Chunk {
        final ByteBuffer bytes;
        long due;

        Chunk(ByteBuffer bytes, long due) {
            this.bytes = bytes;
            this.due = due;
        }
    }

    private final Conduit conduit;
    private final SocketChannel from;
    private final SocketChannel to;
    final Direction direction;
    private final ZmtpScanner scanner = new ZmtpScanner();
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private long queued;
    private long lastDue;
    private double allowance;
    private long refilled;
    private boolean blocked;
    private boolean ended;
    private boolean shut;
    private long now;

    Flow(Conduit conduit, SocketChannel from, SocketChannel to, Direction direction) {
        this.conduit = conduit;
        this.from = from;
        this.to = to;
        this.direction = direction;
    }

    ZmtpScanner.Protocol protocol() {
        return scanner.protocol();
    }

    boolean wantsRead() {
        return !ended && !direction.partitioned && queued < HIGH_WATER;
    }

    boolean wantsWrite() {
        return blocked && !direction.partitioned;
    }

    boolean done() {
        return shut;
    }

    /** Reads what {@code from} has; returns false at its end. */
    void read(ByteBuffer buffer, long time) throws IOException {
        now = time;
        buffer.clear();
        int count = from.read(buffer);
        if (count < 0) {
            ended = true;
            if (this == conduit.downstream && !conduit.upstream.ended) {
                conduit.link.listener.suspectTarget(); // the server closed first: it may have died
            }
            drain(time);
            return;
        }
        buffer.flip();
        conduit.link.stats.bytes(direction, count);
        if (scanner.protocol() == ZmtpScanner.Protocol.OTHER) {
            bytes(buffer);
        } else {
            scanner.feed(buffer, this);
            if (scanner.protocol() == ZmtpScanner.Protocol.OTHER) {
                conduit.link.carriesNoMessages();
            }
        }
        drain(time);
    }

    @Override
    public void bytes(ByteBuffer bytes) {
        if (queue.isEmpty() && direction.passesAtOnce() && !blocked && conduit.connected()) {
            try {
                to.write(bytes);
            } catch (IOException e) {
                conduit.failed(e);
                bytes.position(bytes.limit());
                return;
            }
        }
        if (bytes.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes).flip();
            enqueue(copy);
        }
    }

    @Override
    public void message(List<byte[]> frames, byte[] wire) {
        conduit.link.judged(this, frames, wire, conduit);
    }

    /** Sends {@code wire}, read just now, on after what waits, delayed as the direction says. */
    void enqueue(ByteBuffer wire) {
        enqueue(wire, now);
    }

    /** Sends {@code wire}, which reached the link at {@code arrived}, on after what waits, delayed as the direction says. */
    void enqueue(ByteBuffer wire, long arrived) {
        long due = Math.max(direction.due(arrived), lastDue);
        lastDue = due;
        queue.add(new Chunk(wire, due));
        queued += wire.remaining();
    }

    /** Writes what may leave by {@code time}; asks to be woken when more may. */
    void drain(long time) throws IOException {
        now = time;
        if (direction.partitioned || !conduit.connected()) {
            return;
        }
        while (!queue.isEmpty()) {
            Chunk chunk = queue.peek();
            if (chunk.due > time) {
                conduit.wakeAt(chunk.due);
                return;
            }
            ByteBuffer bytes = chunk.bytes;
            int wanted = bytes.remaining();
            int allowed = allowed(time);
            if (allowed == 0) {
                conduit.wakeAt(time + nanosUntilAllowed());
                return;
            }
            int limit = bytes.limit();
            bytes.limit(bytes.position() + Math.min(wanted, allowed));
            int written = to.write(bytes);
            bytes.limit(limit);
            spent(written);
            queued -= written;
            if (bytes.hasRemaining()) {
                if (written < Math.min(wanted, allowed)) {
                    blocked = true; // the receiver's buffer is full: wait until it can take more
                    return;
                }
                continue;
            }
            queue.poll();
        }
        blocked = false;
        if (ended && !shut) {
            shut = true;
            to.shutdownOutput();
        }
    }

    /** Releases the waiting of the direction's delay, when it is healed: what waited leaves now, in order. */
    void undelay() {
        queue.forEach(chunk -> chunk.due = 0);
        lastDue = 0;
    }

    /** Forgets what waits, when the connection is reset; returns how many bytes that was. */
    long discard() {
        long discarded = queued;
        queue.clear();
        queued = 0;
        return discarded;
    }

    private int allowed(long time) {
        long rate = direction.bytesPerSecond;
        if (rate == 0) {
            return Integer.MAX_VALUE;
        }
        double burst = Math.max(1, rate * BURST_SECONDS);
        if (refilled == 0) {
            refilled = time;
            allowance = burst;
        }
        allowance = Math.min(burst, allowance + (time - refilled) * rate / 1e9);
        refilled = time;
        return (int) Math.min(Integer.MAX_VALUE, Math.floor(allowance));
    }

    private void spent(int written) {
        if (direction.bytesPerSecond != 0) {
            allowance -= written;
        }
    }

    private long nanosUntilAllowed() {
        return (long) Math.ceil((1 - allowance) * 1e9 / direction.bytesPerSecond);
    }
}

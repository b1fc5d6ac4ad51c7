package dev.proctest.engine.links;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;

/**
 * One connection through a link: the client's channel, the channel the link opened to the target,
 * and a {@link Flow} each way. Runs on the link's thread.
 */
final class Conduit implements LinkLoop.Handler {

    final LinkCore link;
    private final SocketChannel client;
    private final SocketChannel server;
    final Flow upstream;
    final Flow downstream;
    private SelectionKey clientKey;
    private SelectionKey serverKey;
    private boolean connected;
    private boolean closed;
    /** The times the loop is to wake this connection at: a flow's wish for a later time than one of them is no new timer. */
    private final PriorityQueue<Long> wakeUps = new PriorityQueue<>((a, b) -> Long.compare(a - b, 0));

    Conduit(LinkCore link, SocketChannel client, SocketChannel server) {
        this.link = link;
        this.client = client;
        this.server = server;
        this.upstream = new Flow(this, client, server, link.upstream);
        this.downstream = new Flow(this, server, client, link.downstream);
    }

    boolean connected() {
        return connected;
    }

    /** Opens the connection to the target; the client's bytes are read once it is made. */
    void connect(SocketAddress target) throws IOException {
        clientKey = link.loop.register(client, 0, this);
        serverKey = link.loop.register(server, SelectionKey.OP_CONNECT, this);
        if (server.connect(target)) {
            madeConnection();
            settle();
        }
    }

    @Override
    public void ready(SelectionKey key, ByteBuffer buffer, long now) {
        try {
            if (key.isConnectable()) {
                if (!server.finishConnect()) {
                    return;
                }
                madeConnection();
            }
            if (key == clientKey) {
                if (key.isValid() && key.isWritable()) {
                    downstream.drain(now);
                }
                if (key.isValid() && key.isReadable()) {
                    upstream.read(buffer, now);
                }
            } else {
                if (key.isValid() && key.isWritable()) {
                    upstream.drain(now);
                }
                if (key.isValid() && key.isReadable()) {
                    downstream.read(buffer, now);
                }
            }
            settle();
        } catch (IOException e) {
            failed(e);
        }
    }

    @Override
    public void broke(RuntimeException cause) {
        reset();
    }

    /** Asks the loop to wake this connection at {@code at}, unless it will at that time or earlier. */
    void wakeAt(long at) {
        Long first = wakeUps.peek();
        if (first != null && first - at <= 0) {
            return; // woken by then anyway, and it asks again if it must
        }
        wakeUps.add(at);
        link.loop.wakeAt(at, this);
    }

    /** Woken at a time a flow asked for: a delay ended, or a throttle allows more. */
    @Override
    public void woken(long now, long at) {
        wakeUps.remove(at);
        drain(now);
    }

    /** Writes what may leave now, and reads again if a fault that held it back is gone. */
    void drain(long now) {
        if (closed) {
            return;
        }
        try {
            upstream.drain(now);
            downstream.drain(now);
            settle();
        } catch (IOException e) {
            failed(e);
        }
    }

    /** One end reset or broke the connection: the other end is reset too, as a router would not. */
    void failed(IOException cause) {
        if (!closed && !link.closing()) {
            link.notes.connectionFailed(connected, cause);
            link.listener.suspectTarget();
        }
        reset();
    }

    /** Resets both ends with {@code RST} and forgets what waits; returns the bytes forgotten. */
    long reset() {
        if (closed) {
            return 0;
        }
        long lost = upstream.discard() + downstream.discard();
        abort(client);
        abort(server);
        ended();
        return lost;
    }

    /** Closes both ends as a normal close would, when the link is closed. */
    void close() {
        if (!closed) {
            close(client);
            close(server);
            ended();
        }
    }

    private void madeConnection() throws IOException {
        connected = true;
        if (link.isInet()) {
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        link.stats.connected();
    }

    /** Sets what each channel waits for, and closes the connection once both directions are done. */
    private void settle() {
        if (closed) {
            return;
        }
        if (upstream.done() && downstream.done()) {
            close();
            return;
        }
        if (!connected) {
            return;
        }
        interest(clientKey, upstream.wantsRead(), downstream.wantsWrite());
        interest(serverKey, downstream.wantsRead(), upstream.wantsWrite());
    }

    private static void interest(SelectionKey key, boolean read, boolean write) {
        if (key != null && key.isValid()) {
            key.interestOps((read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0));
        }
    }

    private void ended() {
        closed = true;
        link.ended(this);
    }

    private void abort(SocketChannel channel) {
        try {
            if (link.isInet() && channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0); // close sends RST
            }
        } catch (IOException e) {
            // closed by its peer already: the close below is all there is to do
        }
        close(channel);
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}

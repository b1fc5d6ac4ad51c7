package dev.proctest.engine.sockets;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A line client's connection and how it reads with a deadline: over TCP through the socket's
 * timeout, which costs no descriptor more (10,000 clients at once stay 10,000 descriptors); over a
 * Unix domain socket, whose channel has no socket to time out, through a selector of its own.
 */
abstract class StreamConnection {

    final SocketChannel channel;

    private StreamConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to {@code endpoint}, a TCP or IPC one by its port, a Unix domain socket one by its path. */
    static StreamConnection open(Endpoint endpoint, Duration timeout) throws IOException {
        if (endpoint.transport() == Transport.UNIX) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                connectWithin(channel, UnixDomainSocketAddress.of(endpoint.path()), timeout);
                return new Unix(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) Math.max(1, timeout.toMillis()));
            return new Tcp(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Connects without blocking: a blocking connect to a Unix domain socket whose server does not
     * accept (its backlog full, the server stopped) waits forever. A full backlog refuses a
     * non-blocking connect for now ({@code EAGAIN}), so it is tried again until {@code timeout}.
     */
    private static void connectWithin(SocketChannel channel, UnixDomainSocketAddress address, Duration timeout) throws IOException {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (channel.connect(address) || channel.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("temporarily unavailable") || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the server's backlog is full: it may accept soon
                continue;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new SocketTimeoutException("the server did not accept the connection within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Reads into {@code buffer}; returns how many bytes, -1 at the end of the stream, 0 if none came within {@code millis}. */
    abstract int read(byte[] buffer, int offset, int length, long millis) throws IOException;

    void close() throws IOException {
        channel.close();
    }

    private static final class Tcp extends StreamConnection {
        private final InputStream in;

        Tcp(SocketChannel channel) throws IOException {
            super(channel);
            this.in = channel.socket().getInputStream();
        }

        @Override
        int read(byte[] buffer, int offset, int length, long millis) throws IOException {
            channel.socket().setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
            try {
                return in.read(buffer, offset, length);
            } catch (SocketTimeoutException e) {
                return 0;
            }
        }
    }

    private static final class Unix extends StreamConnection {
        private final Selector selector;

        Unix(SocketChannel channel) throws IOException {
            super(channel);
            channel.configureBlocking(false); // for good (connected so already): a channel with a selector cannot block again
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        }

        @Override
        int read(byte[] buffer, int offset, int length, long millis) throws IOException {
            int read = channel.read(ByteBuffer.wrap(buffer, offset, length));
            if (read != 0) {
                return read;
            }
            selector.selectedKeys().clear();
            if (selector.select(Math.max(1, millis)) == 0) {
                return 0;
            }
            read = channel.read(ByteBuffer.wrap(buffer, offset, length));
            return read;
        }

        @Override
        void close() throws IOException {
            try {
                selector.close();
            } finally {
                super.close();
            }
        }
    }
}

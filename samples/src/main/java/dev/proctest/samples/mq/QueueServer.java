package dev.proctest.samples.mq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * The message queue server: {@code QueueServer <port> [<cache size>]}, on loopback, one thread
 * with a selector for every connection. Each line a client sends is one command; lines end with
 * {@code \n}, a {@code \r} before it is dropped, replies end with {@code \r\n}.
 */
public final class QueueServer {

    /** The longest line read; a longer one is answered as malformed and skipped. */
    static final int MAX_LINE = 1 << 20;

    private static final int DEFAULT_CACHE_SIZE = 100;
    private static final byte[] LINE_END = {'\r', '\n'};

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Broker broker;

    private QueueServer(int port, int cacheSize) throws IOException {
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16_384);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.broker = new Broker(cacheSize);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: QueueServer <port> [<cache size>, default " + DEFAULT_CACHE_SIZE + "]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int cacheSize = args.length == 2 ? Integer.parseInt(args[1]) : DEFAULT_CACHE_SIZE;
        QueueServer queue = new QueueServer(port, cacheSize);
        System.out.println("queue listening on 127.0.0.1:" + port + ", caching " + cacheSize + " messages per topic");
        queue.serve();
    }

    private void serve() throws IOException {
        while (true) {
            selector.select();
            for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                if (!key.isValid()) {
                    continue;
                }
                if (key.isAcceptable()) {
                    try {
                        accept();
                    } catch (IOException e) { // out of descriptors, say: the clients already connected go on
                        System.err.println("queue cannot accept a connection: " + e);
                    }
                    continue;
                }
                Connection connection = (Connection) key.attachment();
                try {
                    if (key.isReadable()) {
                        connection.read();
                    }
                    if (key.isValid() && key.isWritable()) {
                        connection.write();
                    }
                } catch (IOException | UncheckedIOException e) {
                    connection.close(); // the client went away
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            Connection connection = new Connection(client);
            connection.key = client.register(selector, SelectionKey.OP_READ, connection);
        }
    }

    /** One client: what it sent that is not a whole line yet, and what waits to be written to it. */
    private final class Connection implements Broker.Subscriber {

        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private final Deque<ByteBuffer> out = new ArrayDeque<>();
        private byte[] partial = new byte[0];
        private boolean skipping;
        private SelectionKey key;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void read() throws IOException {
            int read = channel.read(in);
            if (read < 0) {
                close();
                return;
            }
            in.flip();
            byte[] bytes = new byte[in.remaining()];
            in.get(bytes);
            in.clear();
            int lineStart = 0;
            for (int i = 0; i < bytes.length && channel.isOpen(); i++) { // a reply that failed closed the connection: no more lines
                if (bytes[i] == '\n') {
                    line(Arrays.copyOfRange(bytes, lineStart, i));
                    lineStart = i + 1;
                }
            }
            append(Arrays.copyOfRange(bytes, lineStart, bytes.length));
        }

        private void line(byte[] tail) {
            byte[] line = partial.length == 0 ? tail : concat(partial, tail);
            partial = new byte[0];
            if (skipping) {
                skipping = false; // the end of a line too long to read: answered when it began
                return;
            }
            int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
            broker.handle(this, Arrays.copyOf(line, length));
        }

        private void append(byte[] tail) {
            if (skipping) {
                return;
            }
            partial = concat(partial, tail);
            if (partial.length > MAX_LINE) {
                partial = new byte[0];
                skipping = true;
                send(QueueProtocol.failure(QueueProtocol.MALFORMED));
            }
        }

        @Override
        public void send(String line) {
            byte[] text = line.getBytes(StandardCharsets.UTF_8);
            out.add(ByteBuffer.allocate(text.length + LINE_END.length).put(text).put(LINE_END).flip());
            try {
                write();
            } catch (IOException e) {
                close();
            }
        }

        void write() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer next = out.peek();
                channel.write(next);
                if (next.hasRemaining()) {
                    break; // the client reads slower than it is sent to: the rest when it can take it
                }
                out.poll();
            }
            if (key != null && key.isValid()) {
                key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        void close() {
            broker.gone(this);
            out.clear();
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException e) {
                // gone already
            }
        }

        private static byte[] concat(byte[] first, byte[] second) {
            byte[] joined = Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, joined, first.length, second.length);
            return joined;
        }
    }
}

package dev.proctest.samples.channel;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server end: accepts channels on a TCP or Unix domain socket address, and answers each
 * request with what its {@link Handler} returns, or with a failure saying what it threw. A
 * thread per connection, its requests answered in turn.
 */
public final class ChannelServer implements AutoCloseable {

    private final ServerSocketChannel listening;
    private final SocketAddress address;
    private final Handler handler;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inProgress = new AtomicInteger();
    private volatile boolean closed;

    private ChannelServer(ServerSocketChannel listening, SocketAddress address, Handler handler) {
        this.listening = listening;
        this.address = address;
        this.handler = handler;
    }

    /** Listens on {@code tcp://host:port} or {@code unix:///path} and serves in the background. */
    public static ChannelServer start(String address, Handler handler) throws IOException {
        SocketAddress at = Frames.address(address);
        ServerSocketChannel listening = ServerSocketChannel.open(at instanceof UnixDomainSocketAddress ? StandardProtocolFamily.UNIX
                : StandardProtocolFamily.INET);
        listening.bind(at);
        ChannelServer server = new ChannelServer(listening, at, handler);
        Thread acceptor = new Thread(server::accept, "channel-accept");
        acceptor.start();
        return server;
    }

    /** How many requests its handler is answering now. */
    public int inProgress() {
        return inProgress.get();
    }

    /** Stops accepting, closes every channel (their clients' waiting requests fail) and removes a Unix socket's file. */
    @Override
    public void close() throws IOException {
        closed = true;
        listening.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            Files.deleteIfExists(unix.getPath());
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel connection = listening.accept();
                connections.add(connection);
                Thread serving = new Thread(() -> serve(connection), "channel-serve");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            while (true) {
                Frames.Frame request = Frames.read(connection);
                if (request.kind() != Frames.REQUEST) {
                    continue;
                }
                inProgress.incrementAndGet();
                Frames.Frame answer;
                try {
                    answer = new Frames.Frame(Frames.REPLY, request.id(), handler.handle(request.content()));
                } catch (Exception e) {
                    answer = new Frames.Frame(Frames.FAILURE, request.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    inProgress.decrementAndGet();
                }
                Frames.write(connection, answer);
            }
        } catch (EOFException e) {
            // the client closed its channel
        } catch (IOException e) {
            if (!closed) {
                System.err.println("channel from a client failed: " + e);
            }
        } finally {
            connections.remove(connection);
        }
    }
}

package dev.proctest.samples.channel;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client end of a request-reply channel over TCP or a Unix domain socket: {@link #send}
 * a request and get its reply later, several in flight at once, each matched to its reply by id.
 */
public final class Channel implements AutoCloseable {

    private final SocketChannel socket;
    private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String closedBecause;

    private Channel(SocketChannel socket) {
        this.socket = socket;
        Thread reader = new Thread(this::readReplies, "channel-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code tcp://host:port} or {@code unix:///path}. */
    public static Channel open(String address) throws IOException {
        SocketAddress to = Frames.address(address);
        SocketChannel socket = SocketChannel.open(to instanceof UnixDomainSocketAddress ? java.net.StandardProtocolFamily.UNIX
                : java.net.StandardProtocolFamily.INET);
        try {
            socket.connect(to);
            return new Channel(socket);
        } catch (IOException e) {
            socket.close();
            throw new IOException("Cannot open a channel to " + address + ": " + e.getMessage(), e);
        }
    }

    /** Sends {@code request}; the future completes with its reply, or with a {@link ChannelException}. */
    public CompletableFuture<Object> send(Object request) {
        long id = ids.incrementAndGet();
        CompletableFuture<Object> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (closedBecause != null) {
            fail(closedBecause);
            return reply;
        }
        try {
            Frames.write(socket, new Frames.Frame(Frames.REQUEST, id, request));
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(new ChannelException("Cannot send " + request + ": " + e.getMessage()));
        }
        return reply;
    }

    /** Sends {@code request} and waits up to {@code timeout} for its reply. */
    public Object request(Object request, Duration timeout) {
        try {
            return send(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ChannelException failed ? failed : new ChannelException(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new ChannelException("No reply to " + request + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("Interrupted while waiting for the reply to " + request);
        }
    }

    @Override
    public void close() throws IOException {
        closedBecause = "the channel was closed by its client";
        socket.close();
        fail(closedBecause);
    }

    private void readReplies() {
        try {
            while (true) {
                Frames.Frame frame = Frames.read(socket);
                CompletableFuture<Object> reply = pending.remove(frame.id());
                if (reply != null && frame.kind() == Frames.REPLY) {
                    reply.complete(frame.content());
                } else if (reply != null) {
                    reply.completeExceptionally(new ChannelException("The server failed on the request: " + frame.content()));
                }
            }
        } catch (IOException e) {
            if (closedBecause == null) {
                closedBecause = "the server closed the channel (" + e.getClass().getSimpleName() + ")";
            }
            fail(closedBecause);
        }
    }

    private void fail(String why) {
        pending.keySet().forEach(id -> {
            CompletableFuture<Object> reply = pending.remove(id);
            if (reply != null) {
                reply.completeExceptionally(new ChannelException("No reply to request " + id + ": " + why));
            }
        });
    }
}

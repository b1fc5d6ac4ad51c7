package dev.proctest.engine.sockets;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import dev.proctest.LineClient;
import dev.proctest.TestSocket;
import dev.proctest.TestSocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/**
 * The test sockets and line clients of one scope: named {@code REQ#1}, {@code line#3}, ... in
 * messages and the transcript, and closed, newest first, when the scope ends.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScopeSockets implements AutoCloseable {

    private final Supplier<ZContext> context;
    private final SocketScope scope;
    private final List<AutoCloseable> open = Collections.synchronizedList(new ArrayList<>());
    private final Map<SocketType, Integer> socketCounts = new EnumMap<>(SocketType.class);
    private int lineClientCount;

    /**
     * @param context the run's ZeroMQ context, created on first use
     * @param childrenTail the last lines the scope's children logged, to end error messages with
     */
    public ScopeSockets(Supplier<ZContext> context, Transcript transcript, Duration timeout, Supplier<String> childrenTail) {
        this.context = context;
        this.scope = new SocketScope(transcript, timeout, childrenTail);
    }

    public TestSocket socket(SocketType type) {
        ZmqTestSocket socket = new ZmqTestSocket(context.get(), type, nextSocketName(type), scope);
        open.add(socket);
        return socket;
    }

    public LineClient lineClient(Endpoint endpoint) {
        String name = nextLineClientName();
        TcpLineClient client = TcpLineClient.connect(endpoint, name, scope);
        scope.transcript().peer(name, endpoint.address());
        open.add(client);
        return client;
    }

    public List<LineClient> lineClients(int count, Endpoint endpoint) {
        if (count < 1) {
            throw new IllegalArgumentException("lineClients needs a count of 1 or more, was " + count);
        }
        List<LineClient> clients = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                clients.add(lineClient(endpoint));
            }
        } catch (TestSocketException e) {
            clients.forEach(LineClient::close);
            throw new TestSocketException("Connected " + clients.size() + " of " + count + " line clients to " + endpoint
                    + " and closed them: " + e.getMessage(), e);
        }
        return List.copyOf(clients);
    }

    /** Closes every socket and client, newest first. */
    @Override
    public void close() {
        List<AutoCloseable> newestFirst;
        synchronized (open) {
            newestFirst = new ArrayList<>(open);
            open.clear();
        }
        Collections.reverse(newestFirst);
        RuntimeException failure = null;
        for (AutoCloseable closeable : newestFirst) {
            try {
                closeable.close();
            } catch (Exception e) { // the others are closed too
                if (failure == null) {
                    failure = new TestSocketException("Cannot close " + closeable + ": " + e, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized String nextSocketName(SocketType type) {
        return type + "#" + socketCounts.merge(type, 1, Integer::sum);
    }

    private synchronized String nextLineClientName() {
        return "line#" + ++lineClientCount;
    }
}

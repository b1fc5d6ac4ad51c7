package dev.proctest.engine.sockets;

import dev.proctest.Endpoint;
import dev.proctest.Multipart;
import dev.proctest.TestSocket;
import dev.proctest.TestSocketException;
import dev.proctest.Transport;
import dev.proctest.engine.config.Durations;
import dev.proctest.wire.Sockets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * A {@link TestSocket} on a JeroMQ socket. Each send and receive sets the socket's send or receive
 * timeout to what remains of its deadline, so nothing blocks longer; errors name the socket, its
 * addresses, what was awaited, and end with the children's last log lines.
 */
final class ZmqTestSocket extends MessageShapes {

    private static final Set<SocketType> SEND_ONLY = Set.of(SocketType.PUB, SocketType.PUSH, SocketType.RADIO, SocketType.SCATTER);
    private static final Set<SocketType> RECEIVE_ONLY = Set.of(SocketType.SUB, SocketType.PULL, SocketType.DISH, SocketType.GATHER);

    private final ZMQ.Socket socket;
    private final SocketType type;
    private final String name;
    private final SocketScope scope;
    private final PeerWatch peers;
    private final SocketAddresses addresses;
    private Duration timeout;
    private int sendTimeoutMillis = Integer.MIN_VALUE;
    private int receiveTimeoutMillis = Integer.MIN_VALUE;
    private boolean closed;

    ZmqTestSocket(ZContext context, SocketType type, String name, SocketScope scope) {
        this.socket = Sockets.configure(context.createSocket(type));
        this.peers = PeerWatch.on(socket);
        this.type = type;
        this.name = name;
        this.addresses = new SocketAddresses(name);
        this.scope = scope;
        this.timeout = scope.timeout();
    }

    @Override
    public SocketType type() {
        return type;
    }

    @Override
    public TestSocket connect(Endpoint endpoint) {
        return connect(zeroMqAddress(endpoint, "connect to"));
    }

    @Override
    public TestSocket connect(String address) {
        return attach(address, "connect to", socket::connect, addresses::connected);
    }

    @Override
    public TestSocket bind(Endpoint endpoint) {
        return bind(zeroMqAddress(endpoint, "bind to"));
    }

    /** The endpoint's address for JeroMQ, which has no Unix domain sockets. */
    private String zeroMqAddress(Endpoint endpoint, String verb) {
        if (endpoint.transport() == Transport.UNIX) {
            throw new IllegalArgumentException("A " + type + " test socket cannot " + verb + " " + endpoint + ": JeroMQ has no Unix"
                    + " domain sockets. Use processes.lineClient(endpoint) for a line server, or an ipc:// endpoint (@Transports IPC)"
                    + " for ZeroMQ");
        }
        return endpoint.address();
    }

    @Override
    public TestSocket bind(String address) {
        return attach(address, "bind to", socket::bind, addresses::bound);
    }

    /** Connects or binds, as {@code action} does, and remembers the address for messages. */
    private synchronized TestSocket attach(String address, String verb, Predicate<String> action, Consumer<String> remember) {
        checkAddress(address, verb);
        attempt(() -> action.test(address), "cannot " + verb + " " + address);
        remember.accept(address);
        scope.transcript().peer(name, address);
        return this;
    }

    @Override
    public synchronized TestSocket subscribe(String prefix) {
        if (type != SocketType.SUB) {
            throw new IllegalStateException(describe() + " cannot subscribe: only a SUB socket subscribes");
        }
        attempt(() -> socket.subscribe(prefix.getBytes(StandardCharsets.UTF_8)), "cannot subscribe to [" + prefix + "]");
        return this;
    }

    @Override
    public synchronized TestSocket identity(String identity) {
        if (identity.isEmpty() || identity.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("A socket identity has 1 to 255 bytes, was [" + identity + "]");
        }
        attempt(() -> socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8)), "cannot take the identity [" + identity + "]");
        return this;
    }

    @Override
    public synchronized TestSocket timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A socket timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    @Override
    public synchronized void sendFrames(List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("A message has at least one frame");
        }
        checkOpen("send " + Frames.render(frames));
        if (RECEIVE_ONLY.contains(type)) {
            throw new TestSocketException(describe() + " cannot send " + Frames.render(frames) + ": a " + type + " socket only receives");
        }
        int millis = millis(timeout);
        if (millis != sendTimeoutMillis) {
            socket.setSendTimeOut(millis);
            sendTimeoutMillis = millis;
        }
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            int flags = i < frames.size() - 1 ? ZMQ.SNDMORE : 0;
            boolean sent = attempt(() -> socket.send(frame, flags), "cannot send " + Frames.render(frames));
            if (!sent) {
                throw new TestSocketException(scope.explain(describeWithPeers() + " could not send " + Frames.render(frames) + " within "
                        + Durations.format(timeout) + ": " + SocketFailures.whyNotSent(type, addresses.isAttached()) + "."));
            }
        }
        scope.transcript().sent(name, List.copyOf(frames));
    }

    @Override
    public synchronized List<Multipart> receiveUntil(int count, Duration within) {
        if (count < 1) {
            throw new IllegalArgumentException("receiveUntil needs a count of 1 or more, was " + count);
        }
        List<Multipart> messages = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (messages.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            List<byte[]> frames = receiveWithin(Duration.ofNanos(remaining), "up to " + count + " messages");
            if (frames == null) {
                break;
            }
            messages.add(new ReceivedMultipart(frames, -1, describe()));
        }
        return messages;
    }

    @Override
    public synchronized void expectNothing(Duration period) {
        List<byte[]> frames = receiveWithin(period, "nothing");
        if (frames != null) {
            throw new TestSocketException(scope.explain(describeWithPeers() + " expected nothing for " + Durations.format(period)
                    + " but received " + Frames.render(frames) + "."));
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            socket.close(); // without linger (Sockets.configure), and forgotten by the context
        }
    }

    /** {@code REQ#1 (connected to tcp://127.0.0.1:5555)}. */
    @Override
    String describe() {
        return addresses.describe();
    }

    @Override
    String explain(String failure) {
        return scope.explain(failure);
    }

    private String describeWithPeers() {
        return addresses.describe(peers);
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    synchronized List<byte[]> receiveOrFail(String awaited) {
        List<byte[]> frames = receiveWithin(timeout, awaited);
        if (frames == null) {
            throw new TestSocketException(scope.explain(describeWithPeers() + " received nothing within " + Durations.format(timeout)
                    + "; it waited for " + awaited + ". The conversation so far is in the test's transcript."));
        }
        return frames;
    }

    /** Receives one whole message within {@code period}, or returns null. */
    private List<byte[]> receiveWithin(Duration period, String awaited) {
        checkOpen("receive " + awaited);
        if (SEND_ONLY.contains(type)) {
            throw new TestSocketException(describe() + " cannot receive " + awaited + ": a " + type + " socket only sends");
        }
        int millis = Math.max(1, millis(period));
        if (millis != receiveTimeoutMillis) {
            socket.setReceiveTimeOut(millis);
            receiveTimeoutMillis = millis;
        }
        byte[] first = attempt(() -> socket.recv(0), "cannot receive " + awaited);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>(2);
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(attempt(() -> socket.recv(0), "cannot receive the rest of a message"));
        }
        scope.transcript().received(name, frames);
        return frames;
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new TestSocketException(describe() + " cannot " + what + ": it is closed");
        }
    }

    private void checkAddress(String address, String what) {
        checkOpen(what + " " + address);
        if (address == null || !SocketFailures.isZeroMqAddress(address)) {
            throw new TestSocketException(describe() + " cannot " + what + " [" + address + "]: a ZeroMQ address looks like"
                    + " tcp://127.0.0.1:5555, ipc:///path or inproc://name");
        }
    }

    /** Runs a JeroMQ call, turning its errors into ones that name this socket. */
    private <T> T attempt(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (ZMQException e) {
            throw new TestSocketException(describe() + " " + what + ": " + SocketFailures.reason(e, type), e);
        } catch (ZError.IOException | IllegalArgumentException | IllegalStateException e) {
            throw new TestSocketException(describe() + " " + what + ": " + e.getMessage(), e);
        }
    }

    private static int millis(Duration duration) {
        // rounded up, so that a receive's timeout does not end it before its deadline
        long millis = duration.toMillis() + (duration.getNano() % 1_000_000 > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }
}

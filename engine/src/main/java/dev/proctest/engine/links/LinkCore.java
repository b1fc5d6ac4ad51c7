package dev.proctest.engine.links;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one link is on its own thread: its listener, its connections, the faults of its two
 * directions and the messages it holds. Every method runs on the link's thread.
 */
final class LinkCore {

    static final String UPSTREAM = "upstream";
    static final String DOWNSTREAM = "downstream";

    private record Held(Flow flow, Conduit conduit, byte[] wire, List<byte[]> frames) {}

    final LinkLoop loop;
    final LinkNotes notes;
    final LinkStats stats = new LinkStats();
    final Direction upstream = new Direction(UPSTREAM);
    final Direction downstream = new Direction(DOWNSTREAM);
    final Direction.Counter sharedDrops = new Direction.Counter();
    private final Endpoint listen;
    private final SocketAddress target;
    private final Set<Conduit> conduits = new LinkedHashSet<>();
    private final List<Conduit> waiting = new ArrayList<>();
    private final List<Held> held = new ArrayList<>();
    final LinkListener listener;
    private boolean sawOtherProtocol;
    private boolean closing;

    LinkCore(LinkLoop loop, LinkNotes notes, Endpoint listen, Endpoint target) {
        this.loop = loop;
        this.notes = notes;
        this.listen = listen;
        this.target = address(target);
        this.listener = new LinkListener(this, listen, target);
    }

    boolean isInet() {
        return listen.transport() != Transport.UNIX;
    }

    boolean closing() {
        return closing;
    }

    /** Opens the listener: on the link's endpoint, while the target listens. */
    void open() {
        listener.open();
    }

    /** Takes a connection the listener accepted: on to the target, or waiting while a partition is on. */
    void accepted(SocketChannel client) throws IOException {
        SocketChannel server = isInet() ? SocketChannel.open() : SocketChannel.open(StandardProtocolFamily.UNIX);
        Conduit conduit = new Conduit(this, client, server);
        conduits.add(conduit);
        if (upstream.partitioned || downstream.partitioned) {
            waiting.add(conduit); // as a handshake, which needs both directions, would not cross a partition
        } else {
            connect(conduit);
        }
    }

    /** Judges a whole message: passes it on, drops it or holds it. */
    void judged(Flow flow, List<byte[]> frames, byte[] wire, Conduit conduit) {
        switch (flow.direction.judge(frames, sharedDrops, this::matches)) {
            case PASS -> {
                stats.passed(flow.direction);
                flow.enqueue(ByteBuffer.wrap(wire));
            }
            case DROP -> {
                stats.dropped();
                notes.message("dropped", flow.direction, frames);
            }
            case HOLD -> {
                stats.held();
                held.add(new Held(flow, conduit, wire, frames));
                notes.message("held", flow.direction, frames);
            }
        }
    }

    /** Sends the held messages of {@code directions} on, in order; returns how many. */
    int release(List<Direction> directions) {
        int released = 0;
        for (Held message : List.copyOf(held)) {
            if (directions.contains(message.flow.direction)) {
                held.remove(message);
                if (conduits.contains(message.conduit)) {
                    message.flow.enqueue(ByteBuffer.wrap(message.wire), System.nanoTime()); // delayed from its release
                    stats.passed(message.flow.direction);
                    notes.message("released", message.flow.direction, message.frames);
                    released++;
                }
            }
        }
        drainAll();
        return released;
    }

    /** Lifts the faults of {@code directions}, releases what they hold and lets what waited flow. */
    void heal(List<Direction> directions) {
        directions.forEach(Direction::heal);
        for (Conduit conduit : conduits) {
            if (directions.contains(upstream)) {
                conduit.upstream.undelay();
            }
            if (directions.contains(downstream)) {
                conduit.downstream.undelay();
            }
        }
        release(directions);
        if (!upstream.partitioned && !downstream.partitioned) {
            List<Conduit> connecting = List.copyOf(waiting);
            waiting.clear();
            connecting.forEach(this::connect);
        }
        listener.targetMayHaveChanged(); // nobody looked while a partition hid it
        drainAll();
    }

    /** Makes a changed fault take effect on every connection now. */
    void drainAll() {
        long now = System.nanoTime();
        List.copyOf(conduits).forEach(conduit -> conduit.drain(now));
    }

    /** Resets every connection; returns the bytes that waited in the link and were lost. */
    long resetAll() {
        long lost = 0;
        for (Conduit conduit : List.copyOf(conduits)) {
            lost += conduit.reset();
        }
        held.clear();
        return lost;
    }

    /** Says the faults in force, or "" for none: {@code upstream partitioned; 2 messages held}. */
    String faultsInForce() {
        List<String> parts = new ArrayList<>();
        String up = upstream.describe();
        String down = downstream.describe();
        if (!up.isEmpty() && up.equals(down)) {
            parts.add(up);
        } else {
            if (!up.isEmpty()) {
                parts.add(UPSTREAM + " " + up);
            }
            if (!down.isEmpty()) {
                parts.add(DOWNSTREAM + " " + down);
            }
        }
        if (sharedDrops.left > 0) {
            parts.add("dropping the next " + sharedDrops.left + " messages");
        }
        if (listener.refused()) {
            parts.add("refusing new connections");
        }
        if (!held.isEmpty()) {
            parts.add(held.size() + " messages held");
        }
        return String.join("; ", parts);
    }

    /** Whether a connection the link carried, or carries, was not ZMTP 3 with the NULL mechanism. */
    boolean carriesOtherProtocol() {
        return sawOtherProtocol || conduits.stream().anyMatch(LinkCore::isOther);
    }

    /** A connection turned out not to be ZeroMQ: says once that the link's message rules do nothing to it. */
    void carriesNoMessages() {
        if (!sawOtherProtocol && (upstream.hasMessageRules() || downstream.hasMessageRules() || sharedDrops.left > 0)) {
            notes.fault("carries a connection that is not ZeroMQ (ZMTP 3, NULL mechanism): its message rules do nothing to it");
        }
        sawOtherProtocol = true;
    }

    void ended(Conduit conduit) {
        sawOtherProtocol |= isOther(conduit);
        conduits.remove(conduit);
        waiting.remove(conduit);
    }

    /** Closes every connection and the listener; says what the link passed. */
    void close() {
        closing = true;
        notes.fault("closed: " + stats.summary());
        List.copyOf(conduits).forEach(Conduit::close);
        listener.close();
        if (!isInet()) {
            try {
                Files.deleteIfExists(listen.path());
            } catch (IOException e) {
                notes.trouble(e);
            }
        }
    }

    private void connect(Conduit conduit) {
        try {
            conduit.connect(target);
        } catch (IOException e) {
            conduit.failed(e);
        }
    }

    private boolean matches(Predicate<List<byte[]>> predicate, List<byte[]> frames) {
        try {
            return predicate.test(frames);
        } catch (RuntimeException e) {
            notes.fault("a predicate threw " + e + "; it matches nothing");
            return false;
        }
    }

    private static boolean isOther(Conduit conduit) {
        return conduit.upstream.protocol() == ZmtpScanner.Protocol.OTHER && conduit.downstream.protocol() != ZmtpScanner.Protocol.ZMTP;
    }

    static SocketAddress address(Endpoint endpoint) {
        return endpoint.transport() == Transport.UNIX ? UnixDomainSocketAddress.of(endpoint.path())
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port());
    }

}

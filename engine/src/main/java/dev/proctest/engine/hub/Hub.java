package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.proctest.wire.MessageType;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimeOrigin;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The test JVM's end of the coordinator channel: one ROUTER per run, bound to a random loopback
 * port. It admits a child only if the child presents the run's secret token under an id the hub
 * gave out, sends each admitted child its plan, passes on what children say, and pings them so
 * that a child knows the test JVM is alive.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Hub.class.getName());
    private static final Duration TICK = Duration.ofMillis(50);
    private static final long PING_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final ZContext context;
    private final String address;
    private final byte[] token;
    private final SocketLoop loop;
    private final Map<String, HubMember> expected = new ConcurrentHashMap<>();
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> unsentSyncs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private long lastPing = System.nanoTime();
    private long lastTick = System.nanoTime();

    private Hub(ZContext context, ZMQ.Socket router, String address, byte[] token) {
        this.context = context;
        this.address = address;
        this.token = token;
        this.loop = new SocketLoop(context, router, "proctest-hub", this::onMessage, this::onTick, TICK);
    }

    /** Binds a new hub to a random loopback port and starts its thread. */
    public static Hub start() {
        ZContext context = new ZContext(1);
        ZMQ.Socket router = Sockets.configure(context.createSocket(SocketType.ROUTER));
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        Hub hub = new Hub(context, router, "tcp://127.0.0.1:" + port, HexFormat.of().formatHex(token).getBytes(UTF_8));
        hub.loop.start();
        return hub;
    }

    public String address() {
        return address;
    }

    /** Returns the run's secret, which children receive through their environment. */
    public String token() {
        return new String(token, UTF_8);
    }

    /** Expects a child; returns the id it must connect with. */
    public String expect(HubMember member) {
        String id = "child-" + ids.incrementAndGet();
        expected.put(id, member);
        return id;
    }

    /** Forgets a child that has ended; a late message from it is ignored. */
    public void forget(String id) {
        expected.remove(id);
        admitted.remove(id);
        unsentSyncs.remove(id);
    }

    /**
     * Asks child {@code id} to answer question {@code number} once it has sent the records of every
     * line it wrote until the question came; asked when it connects if it has not yet. Safe from
     * any thread.
     */
    public void sync(String id, long number) {
        loop.execute(() -> {
            if (admitted.contains(id)) {
                send(new ZFrame(id.getBytes(UTF_8)), MessageType.SYNC, Long.toString(number).getBytes(UTF_8));
            } else if (expected.containsKey(id)) {
                unsentSyncs.put(id, number);
            }
        });
    }

    /**
     * Sends child {@code id} call {@code number}: a serialized {@code RemoteCallable} to run; the
     * answer comes to its member's {@link HubMember#returned}. Safe from any thread.
     *
     * @return false if the child is not connected, so the call cannot be sent
     */
    public boolean call(String id, long number, byte[] callable) {
        if (!admitted.contains(id)) {
            return false;
        }
        send(new ZFrame(id.getBytes(UTF_8)), MessageType.CALL, Long.toString(number).getBytes(UTF_8), callable);
        return true;
    }

    /**
     * Asks child {@code id} to write its code coverage now; {@link HubMember#dumped} follows. Safe
     * from any thread.
     *
     * @return false if the child is not connected
     */
    public boolean dump(String id) {
        if (!admitted.contains(id)) {
            return false;
        }
        send(new ZFrame(id.getBytes(UTF_8)), MessageType.DUMP);
        return true;
    }

    /** Sends child {@code id} the answer to its question {@code number}. Safe from any thread. */
    public void answer(String id, byte[] number, String outcome, byte[] payload) {
        send(new ZFrame(id.getBytes(UTF_8)), MessageType.ANSWER, number, outcome.getBytes(UTF_8), payload);
    }

    @Override
    public void close() {
        loop.close(Duration.ZERO);
        context.close();
    }

    private void onMessage(ZMsg message) {
        ZFrame identity = message.pop();
        String id = identity.getString(UTF_8);
        MessageType type = MessageType.of(message.pop().getData());
        HubMember member = expected.get(id);
        if (type == MessageType.HELLO) {
            admit(identity, id, member, message);
        } else if (member == null || !admitted.contains(id)) {
            LOG.log(Level.WARNING, "proctest hub ignored a {0} message from [{1}], which it has not admitted", type, id);
        } else if (type == MessageType.STARTED) {
            member.started(message.isEmpty() ? TimeOrigin.real() : TimeOrigin.decode(message.pop().getData()));
        } else if (type == MessageType.READY) {
            member.ready();
        } else if (type == MessageType.PUBLISH) {
            member.published(message.popString(), message.pop().getData());
        } else if (type == MessageType.LOGS) {
            member.logged(message.pop().getData());
        } else if (type == MessageType.SYNCED) {
            member.synced(Long.parseLong(message.popString()));
        } else if (type == MessageType.ASK) {
            member.asked(message.pop().getData(), message.pop().getData());
        } else if (type == MessageType.CALLED) {
            member.called(message.pop().getData());
        } else if (type == MessageType.RETURNED) {
            member.returned(Long.parseLong(message.popString()), message.popString(), message.pop().getData());
        } else if (type == MessageType.DUMPED) {
            member.dumped();
        } else if (type == MessageType.END) {
            member.ended();
        }
    }

    private void admit(ZFrame identity, String id, HubMember member, ZMsg hello) {
        byte[] presented = hello.pop().getData();
        String refusal = member == null ? "no child with id [" + id + "] is expected"
                : !MessageDigest.isEqual(presented, token) ? "child [" + id + "] presented a wrong token" : null;
        if (refusal != null) {
            LOG.log(Level.WARNING, "proctest hub refused a connection: {0}", refusal);
            send(identity, MessageType.REFUSED, refusal.getBytes(UTF_8));
            return;
        }
        admitted.add(id);
        member.admitted();
        send(identity, MessageType.PLAN, member.plan().encode());
        Long sync = unsentSyncs.remove(id);
        if (sync != null) {
            send(new ZFrame(id.getBytes(UTF_8)), MessageType.SYNC, Long.toString(sync).getBytes(UTF_8)); // a sent frame is spent
        }
    }

    private void onTick() {
        long now = System.nanoTime();
        if (now - lastTick >= TICK.toNanos()) {
            lastTick = now;
            expected.values().forEach(HubMember::tick);
        }
        if (now - lastPing >= PING_INTERVAL_NANOS) {
            lastPing = now;
            for (String id : admitted) {
                send(new ZFrame(id.getBytes(UTF_8)), MessageType.PING);
            }
        }
    }

    /** Sends a message: at once on the hub's thread, else handed to it. */
    private void send(ZFrame identity, MessageType type, byte[]... frames) {
        ZMsg reply = new ZMsg();
        reply.add(identity);
        reply.add(type.frame());
        for (byte[] frame : frames) {
            reply.add(frame);
        }
        loop.send(reply);
    }
}

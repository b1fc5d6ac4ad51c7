package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.MalformedMessage;
import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.Sockets;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The test JVM's end of the coordinator channel: one ROUTER per run, bound to a random loopback
 * port. It admits a child only if the child presents the run's secret token under an id the hub
 * gave out and speaks the same protocol, sends each admitted child its plan, decodes what children
 * say and hands it to their {@link HubMember}, and pings them so that a child knows the test JVM
 * is alive. A JVM of the pool is admitted without a plan and waits; what it says meanwhile waits
 * with it, and goes to the child it is handed over to. It routes; what a message means is its
 * member's business.
 */
@API(status = INTERNAL, since = "0.1")
public final class Hub implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Hub.class.getName());
    private static final Duration TICK = Duration.ofMillis(50);
    private static final long PING_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int KEPT_WHILE_WAITING = 10_000;
    /**
     * What the hub's socket hands it from a child whose connection has closed, after all the child
     * sent over it: not a message of the protocol, whose names are letters.
     */
    private static final byte[] DISCONNECTED = "\0disconnected".getBytes(UTF_8);

    private final ZContext context;
    /** Set as the hub closes: its context's threads may then meet closed pipes. */
    private final AtomicBoolean closing;
    private final String address;
    private final byte[] token;
    private final SocketLoop loop;
    private final Map<String, HubMember> expected = new ConcurrentHashMap<>();
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    /** What admitted JVMs without a plan said, for the child they will serve; touched on the hub's thread only. */
    private final Map<String, List<Message>> waiting = new HashMap<>();
    private final Refusals refusals = new Refusals();
    private final AtomicLong ids = new AtomicLong();
    private long lastPing = System.nanoTime();
    private long lastTick = System.nanoTime();

    private Hub(ZContext context, ZMQ.Socket router, String address, byte[] token, AtomicBoolean closing) {
        this.context = context;
        this.closing = closing;
        this.address = address;
        this.token = token;
        this.loop = new SocketLoop(context, router, "proctest-hub", this::onMessage, this::onTick, TICK);
    }

    /** Binds a new hub to a random loopback port and starts its thread. */
    public static Hub start() {
        AtomicBoolean closing = new AtomicBoolean();
        ZContext context = Sockets.reportFailures(new ZContext(1), "the hub", closing::get);
        ZMQ.Socket router = Sockets.configureChannel(context.createSocket(SocketType.ROUTER));
        router.setRcvHWM(Sockets.CHANNEL_QUEUE); // per child: beyond it, the child waits, and its records stay in time
        router.base().setSocketOpt(zmq.ZMQ.ZMQ_DISCONNECT_MSG, DISCONNECTED);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        Hub hub = new Hub(context, router, "tcp://127.0.0.1:" + port, HexFormat.of().formatHex(token).getBytes(UTF_8), closing);
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

    /**
     * Hands the JVM of {@code id}, which waits without a plan, over to the child it will now serve:
     * the child's plan is sent to it (now if it has connected, else when it does), and what it said
     * while it waited goes to {@code member} first. Safe from any thread; done on the hub's.
     */
    public void handOver(String id, HubMember member) {
        loop.execute(() -> {
            if (expected.replace(id, member) == null) {
                return; // it ended meanwhile: the child sees its process gone
            }
            List<Message> said = waiting.remove(id);
            if (admitted.contains(id)) {
                loop.send(MessageCodec.toZMsg(id.getBytes(UTF_8), new Message.Plan(member.plan().orElseThrow())));
                member.admitted();
            }
            if (said != null) {
                said.forEach(member::receive);
            }
        });
    }

    /** Forgets a child that has ended; a late message from it is ignored. */
    public void forget(String id) {
        expected.remove(id);
        admitted.remove(id);
        loop.execute(() -> waiting.remove(id));
    }

    /**
     * Sends {@code message} to child {@code id}. Safe from any thread.
     *
     * @return false if the child is not connected, so the message cannot be sent
     */
    public boolean send(String id, Message message) {
        if (!admitted.contains(id)) {
            return false;
        }
        loop.send(MessageCodec.toZMsg(id.getBytes(UTF_8), message));
        return true;
    }

    @Override
    public void close() {
        closing.set(true);
        loop.close(Duration.ZERO);
        context.close();
        refusals.summarize(); // after the loop's thread has ended: it counts no more
    }

    private void onMessage(ZMsg frames) {
        ZFrame identity = frames.pop();
        String id = identity.getString(UTF_8);
        if (frames.size() == 1 && Arrays.equals(frames.peekFirst().getData(), DISCONNECTED)) {
            disconnected(id);
            return;
        }
        Message message;
        try {
            message = MessageCodec.fromZMsg(frames);
        } catch (MalformedMessage e) {
            refusals.malformed(id, e);
            return;
        }
        HubMember member = expected.get(id);
        if (message instanceof Message.Hello hello) {
            admit(identity, id, member, hello);
        } else if (member == null || !admitted.contains(id)) {
            refusals.unadmitted(id, message);
        } else if (waiting.containsKey(id)) {
            keep(id, message);
        } else {
            member.receive(message);
            if (message instanceof Message.End) { // read after all the child sent before it: it may close its channel now
                loop.send(MessageCodec.toZMsg(identity.getData(), new Message.Ended()));
            }
        }
    }

    private void admit(ZFrame identity, String id, HubMember member, Message.Hello hello) {
        String refusal = member == null ? "no child with id [" + MessageCodec.printable(id) + "] is expected"
                : !MessageDigest.isEqual(hello.token().getBytes(UTF_8), token) ? "child [" + id + "] presented a wrong token"
                : hello.protocol() != Protocol.VERSION ? "the child runs " + Protocol.describe(hello.version(), hello.protocol())
                        + ", the test JVM " + Protocol.describe(Protocol.RELEASE, Protocol.VERSION)
                        + ": put the same proctest jars on the child's class path as on the test's"
                : null;
        if (refusal != null) {
            refusals.refused(id, refusal);
            loop.send(MessageCodec.toZMsg(identity.getData(), new Message.Refused(refusal)));
            if (member != null && MessageDigest.isEqual(hello.token().getBytes(UTF_8), token)) {
                member.refused(refusal); // a child of the run's on other jars: its spawn fails saying so
            }
            return;
        }
        admitted.add(id);
        Optional<ChildPlan> plan = member.plan();
        if (plan.isPresent()) {
            loop.send(MessageCodec.toZMsg(identity.getData(), new Message.Plan(plan.get())));
        } else {
            waiting.put(id, new ArrayList<>());
        }
        member.admitted(); // after the plan: what the member sends now follows it
    }

    /**
     * A child's connection closed: all it sent is with its member, and its id admits no other
     * connection, which would be a stranger's (an impostor whose connection the socket took once
     * the child's had gone). A JVM still waiting in the pool is the pool's to see end.
     */
    private void disconnected(String id) {
        HubMember member = expected.get(id);
        if (member != null && admitted.contains(id) && !waiting.containsKey(id)) {
            admitted.remove(id);
            member.disconnected();
        }
    }

    /** Keeps what a JVM without a plan says, up to a bound: the output of a JVM that only waits is small. */
    private void keep(String id, Message message) {
        List<Message> said = waiting.get(id);
        if (said.size() < KEPT_WHILE_WAITING) {
            said.add(message);
            if (said.size() == KEPT_WHILE_WAITING) {
                LOG.log(Level.WARNING, "proctest hub keeps no more than {0} messages of the pooled JVM [{1}] before its child;"
                        + " later ones are dropped", KEPT_WHILE_WAITING, id);
            }
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
                loop.send(MessageCodec.toZMsg(id.getBytes(UTF_8), new Message.Ping()));
            }
        }
    }
}

package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.MessageType;
import dev.proctest.wire.Plan;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.TimePlan;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** The hub admits only the children it expects, presenting the run's token. */
class HubTests {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final List<Logger> logs = List.of(Logger.getLogger(Hub.class.getName()), Logger.getLogger(SocketLoop.class.getName()));
    private Hub hub;
    private ZContext context;

    @BeforeEach
    void startHub() {
        logs.forEach(log -> log.addHandler(capture));
        hub = Hub.start();
        context = new ZContext();
    }

    @AfterEach
    void stopHub() {
        context.close();
        hub.close();
        logs.forEach(log -> log.removeHandler(capture));
    }

    @Test
    void expectedChildWithTheTokenGetsItsPlan() {
        Plan plan = new Plan("pong", "com.example.Pong", List.of("5555"), Map.of("mode", "test"), Duration.ofSeconds(10), List.of(), TimePlan.REAL);
        String id = hub.expect(new Member(plan));

        ZMsg reply = hello(id, hub.token());

        assertThat(MessageType.of(reply.pop().getData())).isEqualTo(MessageType.PLAN);
        assertThat(Plan.decode(reply.pop().getData())).isEqualTo(plan);
        assertThat(warnings).isEmpty();
    }

    @Test
    void wrongTokenIsRefusedAndLogged() {
        String id = hub.expect(new Member(null));

        ZMsg reply = hello(id, "not-the-token");

        assertThat(MessageType.of(reply.pop().getData())).isEqualTo(MessageType.REFUSED);
        assertThat(reply.popString()).isEqualTo("child [" + id + "] presented a wrong token");
        assertThat(warnings).containsExactly("proctest hub refused a connection: child [" + id + "] presented a wrong token");
    }

    @Test
    void unknownPeerIsRefusedAndLoggedEvenWithTheToken() {
        ZMsg reply = hello("child-999", hub.token());

        assertThat(MessageType.of(reply.pop().getData())).isEqualTo(MessageType.REFUSED);
        assertThat(warnings).containsExactly("proctest hub refused a connection: no child with id [child-999] is expected");
    }

    @Test
    void hubListensOnLoopbackOnly() {
        assertThat(hub.address()).matches("tcp://127\\.0\\.0\\.1:\\d+");
    }

    private ZMsg hello(String id, String token) {
        ZMQ.Socket dealer = connect(id);
        send(dealer, MessageType.HELLO, token, "12345");
        ZMsg reply = ZMsg.recvMsg(dealer);
        assertThat(reply).as("the hub's reply").isNotNull();
        return reply;
    }

    @Test
    void aMessageThatFailsItsHandlerIsLoggedAndTheHubGoesOn() throws InterruptedException {
        Member member = new Member(new Plan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL));
        String id = hub.expect(member);
        ZMQ.Socket dealer = connect(id);
        send(dealer, MessageType.HELLO, hub.token(), "12345");
        assertThat(ZMsg.recvMsg(dealer)).as("the plan").isNotNull();

        send(dealer, MessageType.LOGS, "not a batch"); // the member's handler throws on it
        send(dealer, MessageType.READY);

        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("ready");
        assertThat(warnings).singleElement().asString().contains("proctest-hub failed on a message");
    }

    @Test
    void aSyncAskedBeforeTheChildConnectsIsAskedWhenItDoes() {
        String id = hub.expect(new Member(new Plan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL)));
        hub.sync(id, 7);
        ZMQ.Socket dealer = connect(id);
        send(dealer, MessageType.HELLO, hub.token(), "12345");

        assertThat(MessageType.of(ZMsg.recvMsg(dealer).pop().getData())).isEqualTo(MessageType.PLAN);
        ZMsg sync = ZMsg.recvMsg(dealer);
        assertThat(MessageType.of(sync.pop().getData())).isEqualTo(MessageType.SYNC);
        assertThat(sync.popString()).isEqualTo("7");
    }

    private ZMQ.Socket connect(String id) {
        ZMQ.Socket dealer = Sockets.configure(context.createSocket(SocketType.DEALER));
        dealer.setIdentity(id.getBytes(UTF_8));
        dealer.setReceiveTimeOut(5_000);
        dealer.connect(hub.address());
        return dealer;
    }

    private static void send(ZMQ.Socket dealer, MessageType type, String... frames) {
        ZMsg message = new ZMsg();
        message.add(type.frame());
        for (String frame : frames) {
            message.add(frame);
        }
        message.send(dealer);
    }

    private record Member(Plan plan, BlockingQueue<String> events) implements HubMember {

        Member(Plan plan) {
            this(plan, new LinkedBlockingQueue<>());
        }

        @Override
        public void admitted() {
            events.add("admitted");
        }

        @Override
        public void started(TimeOrigin origin) {
            events.add("started");
        }

        @Override
        public void ready() {
            events.add("ready");
        }

        @Override
        public void published(String key, byte[] value) {
            events.add("published " + key);
        }

        @Override
        public void logged(byte[] batch) {
            throw new IllegalArgumentException("Malformed batch of log records");
        }

        @Override
        public void synced(long id) {
            events.add("synced " + id);
        }

        @Override
        public void asked(byte[] number, byte[] call) {
            events.add("asked");
        }

        @Override
        public void called(byte[] call) {
            events.add("called");
        }

        @Override
        public void returned(long id, String outcome, byte[] payload) {
            events.add("returned " + id + " " + outcome);
        }

        @Override
        public void ended() {
            events.add("ended");
        }

        @Override
        public void tick() {}
    }
}

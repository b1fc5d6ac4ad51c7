package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.MessageType;
import dev.proctest.wire.Plan;
import dev.proctest.wire.Sockets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final Logger log = Logger.getLogger(Hub.class.getName());
    private Hub hub;
    private ZContext context;

    @BeforeEach
    void startHub() {
        log.addHandler(capture);
        hub = Hub.start();
        context = new ZContext();
    }

    @AfterEach
    void stopHub() {
        context.close();
        hub.close();
        log.removeHandler(capture);
    }

    @Test
    void expectedChildWithTheTokenGetsItsPlan() {
        Plan plan = new Plan("pong", "com.example.Pong", List.of("5555"), Map.of("mode", "test"), Duration.ofSeconds(10));
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
        ZMQ.Socket dealer = Sockets.configure(context.createSocket(SocketType.DEALER));
        dealer.setIdentity(id.getBytes(UTF_8));
        dealer.setReceiveTimeOut(5_000);
        dealer.connect(hub.address());
        ZMsg hello = new ZMsg();
        hello.add(MessageType.HELLO.frame());
        hello.add(token);
        hello.add("12345");
        hello.send(dealer);
        ZMsg reply = ZMsg.recvMsg(dealer);
        assertThat(reply).as("the hub's reply").isNotNull();
        return reply;
    }

    private record Member(Plan plan) implements HubMember {
        @Override
        public void started() {}

        @Override
        public void ready() {}

        @Override
        public void published(String key, byte[] value) {}

        @Override
        public void logged(byte[] batch) {}

        @Override
        public void ended() {}
    }
}

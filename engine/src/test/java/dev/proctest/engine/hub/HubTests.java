package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.TimePlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMsg;

/** The hub admits only the children it expects, presenting the run's token. */
class HubTests {

    private final LoggedLines logged = new LoggedLines(Hub.class, SocketLoop.class);
    private final List<String> warnings = logged.lines();
    private Hub hub;
    private ZContext context;

    @BeforeEach
    void startHub() {
        logged.start();
        hub = Hub.start();
        context = new ZContext();
    }

    @AfterEach
    void stopHub() {
        context.close();
        hub.close();
        logged.stop();
    }

    @Test
    void expectedChildWithTheTokenGetsItsPlan() {
        ChildPlan plan = new ChildPlan("pong", "com.example.Pong", List.of("5555"), Map.of("mode", "test"), Duration.ofSeconds(10), List.of(), TimePlan.REAL);
        String id = hub.expect(new Member(plan));

        Message reply = hello(id, hub.token());

        assertThat(reply).isInstanceOfSatisfying(Message.Plan.class, sent -> assertThat(sent.plan()).isEqualTo(plan));
        assertThat(warnings).isEmpty();
    }

    @Test
    void wrongTokenIsRefusedAndLogged() {
        String id = hub.expect(new Member(null));

        Message reply = hello(id, "not-the-token");

        assertThat(reply).isEqualTo(new Message.Refused("child [" + id + "] presented a wrong token"));
        assertThat(warnings).containsExactly("proctest hub refused a connection: child [" + id + "] presented a wrong token");
    }

    @Test
    void unknownPeerIsRefusedAndLoggedEvenWithTheToken() {
        Message reply = hello("child-999", hub.token());

        assertThat(reply).isInstanceOf(Message.Refused.class);
        assertThat(warnings).containsExactly("proctest hub refused a connection: no child with id [child-999] is expected");
    }

    @Test
    void aChildOnOtherProctestJarsIsRefusedNamingBothVersions() throws InterruptedException {
        Member member = new Member(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL));
        String id = hub.expect(member);
        FakeChild dealer = new FakeChild(context, hub, id);
        dealer.send(new Message.Hello(hub.token(), 12345, Protocol.VERSION + 1, "9.9.9"));

        String expected = "the child runs proctest 9.9.9 (protocol " + (Protocol.VERSION + 1) + "), the test JVM proctest " + Protocol.RELEASE
                + " (protocol " + Protocol.VERSION + "): put the same proctest jars on the child's class path as on the test's";
        assertThat(dealer.receive()).isEqualTo(new Message.Refused(expected));
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("refused " + expected);
    }

    @Test
    void aChildOfTheFirstProtocolIsRefusedByVersionNotMisread() {
        String id = hub.expect(new Member(new ChildPlan("old", "com.example.Old", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL)));
        FakeChild dealer = new FakeChild(context, hub, id);
        ZMsg legacy = new ZMsg(); // HELLO as proctest 0.1 sent it: the token, and the pid as text
        legacy.add("HELLO");
        legacy.add(hub.token());
        legacy.add("12345");
        dealer.sendRaw(legacy);

        assertThat(dealer.receive()).isInstanceOfSatisfying(Message.Refused.class, refused -> assertThat(refused.reason())
                .startsWith("the child runs proctest 0.1.0 or older (protocol 1), the test JVM proctest "));
    }

    @Test
    void aPooledJvmWaitsWithoutAPlanAndWhatItSaysMeanwhileGoesToTheChildItServes() throws InterruptedException {
        Member pooled = new Member(null);
        String id = hub.expect(pooled);
        FakeChild jvm = new FakeChild(context, hub, id);
        jvm.send(new Message.Hello(hub.token(), 12345, Protocol.VERSION, Protocol.RELEASE));
        assertThat(pooled.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        jvm.send(new Message.Publish("early", new byte[] {1})); // said before it serves anyone
        assertThat(jvm.receive()).as("what a waiting JVM hears: pings, no plan").isEqualTo(new Message.Ping());

        ChildPlan plan = new ChildPlan("zk1", "com.example.Node", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL);
        Member child = new Member(plan);
        hub.handOver(id, child);
        jvm.send(new Message.Ready());

        Message next = receiveBesidesPings(jvm);
        assertThat(next).isInstanceOfSatisfying(Message.Plan.class, sent -> assertThat(sent.plan()).isEqualTo(plan));
        assertThat(child.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        assertThat(child.events.poll(5, TimeUnit.SECONDS)).as("what it said while waiting, first").isEqualTo("PUBLISH");
        assertThat(child.events.poll(5, TimeUnit.SECONDS)).isEqualTo("READY");
        assertThat(pooled.events).isEmpty();
    }

    @Test
    void aPooledJvmHandedOverBeforeItConnectsGetsTheChildsPlanWhenItDoes() throws InterruptedException {
        String id = hub.expect(new Member(null));
        ChildPlan plan = new ChildPlan("zk2", "com.example.Node", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL);
        Member child = new Member(plan);
        hub.handOver(id, child);

        Message reply = hello(id, hub.token());

        assertThat(reply).isInstanceOfSatisfying(Message.Plan.class, sent -> assertThat(sent.plan()).isEqualTo(plan));
        assertThat(child.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
    }

    @Test
    void aJvmForgottenBeforeItsHandOverIsNotHandedOver() throws InterruptedException {
        String id = hub.expect(new Member(null));
        hub.forget(id); // it ended in the pool
        Member child = new Member(new ChildPlan("zk3", "com.example.Node", List.of(), Map.of(), Duration.ofSeconds(10), List.of(),
                TimePlan.REAL));
        hub.handOver(id, child);

        assertThat(hello(id, hub.token())).isInstanceOf(Message.Refused.class);
        assertThat(child.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    /** A child killed sends no END: its closed connection tells its member that all it sent is in, after the last of it. */
    @Test
    void aClosedConnectionIsReportedAfterEverythingTheChildSent() throws InterruptedException {
        Member member = new Member(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(),
                TimePlan.REAL));
        String id = hub.expect(member);
        FakeChild child = new FakeChild(context, hub, id);
        child.hello(hub.token());
        assertThat(child.receive()).isInstanceOf(Message.Plan.class);
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        for (int i = 0; i < 5_000; i++) {
            child.send(new Message.Ready());
        }
        child.leave();

        for (int i = 0; i < 5_000; i++) {
            assertThat(member.events.poll(5, TimeUnit.SECONDS)).as("message %d", i).isEqualTo("READY");
        }
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected");
        assertThat(warnings).isEmpty();
    }

    /** A child that ends waits for this answer before it closes its channel: then nothing it sent can be lost. */
    @Test
    void anEndIsAnsweredOnceEverythingBeforeItIsRead() {
        Member member = new Member(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(),
                TimePlan.REAL));
        FakeChild child = new FakeChild(context, hub, hub.expect(member));
        child.hello(hub.token());
        assertThat(child.receive()).isInstanceOf(Message.Plan.class);
        for (int i = 0; i < 1_000; i++) {
            child.send(new Message.Ready());
        }
        child.send(new Message.End());

        assertThat(receiveBesidesPings(child)).isInstanceOf(Message.Ended.class); // the hub pings a member that takes over a second
        assertThat(List.copyOf(member.events)).as("what the member had when the answer came").hasSize(1_002)
                .startsWith("admitted", "READY").endsWith("READY", "END");
    }

    /** The next message to {@code child} that is not one of the hub's pings, which come every second. */
    private static Message receiveBesidesPings(FakeChild child) {
        Message next;
        do {
            next = child.receive();
        } while (next instanceof Message.Ping);
        return next;
    }

    @Test
    void hubListensOnLoopbackOnly() {
        assertThat(hub.address()).matches("tcp://127\\.0\\.0\\.1:\\d+");
    }

    private Message hello(String id, String token) {
        return new FakeChild(context, hub, id).hello(token).receive();
    }

    @Test
    void aMessageThatFailsItsHandlerIsLoggedAndTheHubGoesOn() throws InterruptedException {
        Member member = new Member(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL));
        String id = hub.expect(member);
        FakeChild dealer = new FakeChild(context, hub, id);
        dealer.send(new Message.Hello(hub.token(), 12345, Protocol.VERSION, Protocol.RELEASE));
        assertThat(dealer.receive()).as("the plan").isInstanceOf(Message.Plan.class);

        dealer.send(new Message.Logs("not a batch".getBytes(UTF_8))); // the member's handler throws on it
        dealer.send(new Message.Ready());

        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("READY");
        assertThat(warnings).singleElement().asString().contains("proctest-hub failed on a message");
    }

    @Test
    void garbageFromAnyPeerIsLoggedOncePerPeerAndTheHubServesTheRunsChildrenStill() throws InterruptedException {
        Member member = new Member(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(), TimePlan.REAL));
        String id = hub.expect(member);
        FakeChild child = new FakeChild(context, hub, id);
        child.send(new Message.Hello(hub.token(), 12345, Protocol.VERSION, Protocol.RELEASE));
        assertThat(child.receive()).isInstanceOf(Message.Plan.class);
        FakeChild intruder = new FakeChild(context, hub, "intruder");
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            ZMsg garbage = new ZMsg();
            for (int frame = random.nextInt(4); frame >= 0; frame--) {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                garbage.add(bytes);
            }
            (i % 2 == 0 ? intruder : child).sendRaw(garbage);
        }
        child.send(new Message.Ready());

        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("admitted");
        String next;
        do {
            next = member.events.poll(10, TimeUnit.SECONDS); // garbage that happened to decode, then the READY
        } while (next != null && !next.equals("READY"));
        assertThat(next).as("the READY sent after the garbage").isEqualTo("READY");
        assertThat(warnings).as("one warning per peer at most: %s", warnings).hasSizeLessThanOrEqualTo(2)
                .allSatisfy(warning -> assertThat(warning).startsWith("proctest hub ignored a"));
    }

    private record Member(Optional<ChildPlan> plan, BlockingQueue<String> events) implements HubMember {

        /** @param plan its plan, or null for a JVM that waits in the pool */
        Member(ChildPlan plan) {
            this(Optional.ofNullable(plan), new LinkedBlockingQueue<>());
        }

        @Override
        public void admitted() {
            events.add("admitted");
        }

        @Override
        public void refused(String reason) {
            events.add("refused " + reason);
        }

        @Override
        public void receive(Message message) {
            if (message instanceof Message.Logs) {
                throw new IllegalArgumentException("Malformed batch of log records");
            }
            events.add(message.name());
        }

        @Override
        public void disconnected() {
            events.add("disconnected");
        }

        @Override
        public void tick() {}
    }
}

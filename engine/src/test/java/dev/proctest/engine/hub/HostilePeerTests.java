package dev.proctest.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimePlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMsg;

/**
 * The hub's port is open to every process of the machine: what peers outside the run send is
 * counted, logged a line per source at most, summed up when the hub closes, and costs the run's
 * children nothing.
 */
class HostilePeerTests {

    private final LoggedLines logged = new LoggedLines(Hub.class);
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
    void aWrongTokenSentAgainAndAgainIsLoggedOnceAndCounted() {
        String id = hub.expect(new Member());
        FakeChild impostor = new FakeChild(context, hub, id);
        for (int i = 0; i < 50; i++) {
            assertThat(impostor.hello("not-the-token").receive()).isInstanceOf(Message.Refused.class);
        }

        assertThat(warnings).containsExactly("proctest hub refused a connection: child [" + id + "] presented a wrong token");
        hub.close();
        assertThat(warnings).hasSize(2).last().isEqualTo("proctest hub refused 50 messages during the run from 1 source: 0"
                + " malformed, 0 from peers it had not admitted, 50 introductions (HELLO) with an unknown id, a wrong token or"
                + " another protocol");
    }

    @Test
    void refusalsFromManySourcesGetALineEachForTheFirstSourcesOnlyAndTheTotalsAtTheEnd() {
        for (int source = 0; source < 40; source++) {
            FakeChild peer = new FakeChild(context, hub, "peer-" + source);
            peer.send(new Message.Ready()); // not admitted
            peer.sendRaw(ZMsg.newStringMsg("NOT A MESSAGE"));
            assertThat(peer.hello("guess-" + source).receive()).isInstanceOf(Message.Refused.class); // after the two others
        }

        assertThat(warnings).hasSize(Refusals.LOGGED_SOURCES + 1);
        assertThat(warnings.get(Refusals.LOGGED_SOURCES)).startsWith("proctest hub refused messages from more than 10 sources;");
        hub.close();
        assertThat(warnings).last().asString().startsWith("proctest hub refused 120 messages during the run from 40 sources: 40"
                + " malformed, 40 from peers it had not admitted, 40 introductions");
    }

    @Test
    void aRunWithoutRefusalsEndsWithoutASummary() {
        String id = hub.expect(new Member());
        assertThat(new FakeChild(context, hub, id).hello(hub.token()).receive()).isInstanceOf(Message.Plan.class);

        hub.close();
        assertThat(warnings).isEmpty();
    }

    /** Before the bound, the hub reserved whatever a header announced: 73 bytes announcing 2 GB killed its I/O thread. */
    @Test
    void aPeerAnnouncingAFrameLargerThanTheChannelTakesIsDisconnectedAtOnce() throws IOException {
        URI address = URI.create(hub.address());
        try (Socket peer = new Socket(address.getHost(), address.getPort())) {
            peer.setSoTimeout(5_000);
            OutputStream out = peer.getOutputStream();
            out.write(greeting());
            out.write(ByteBuffer.allocate(9).put((byte) 0x06).putLong(Sockets.CHANNEL_FRAME_LIMIT + 1L).array());
            out.flush();

            assertThat(readUntilClosed(peer.getInputStream())).as("the hub closed the connection").isTrue();
        }
        String id = hub.expect(new Member());
        assertThat(new FakeChild(context, hub, id).hello(hub.token()).receive()).as("the hub serves its children still")
                .isInstanceOf(Message.Plan.class);
    }

    /** The hub's socket drops a second connection under an id it routes to: nothing of it reaches the member, before or after the child leaves. */
    @Test
    void anImpostorUnderALiveChildsIdIsNotHeardNotEvenOnceTheChildHasGone() throws InterruptedException {
        Recording member = new Recording();
        String id = hub.expect(member);
        FakeChild child = admitted(id);
        FakeChild impostor = new FakeChild(context, hub, id);
        impostor.send(new Message.Publish("forged", new byte[] {1}));
        child.send(new Message.Ready());
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("READY");

        child.leave();
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected");
        impostor.send(new Message.Publish("forged later", new byte[] {2}));
        assertThat(member.events.poll(1, TimeUnit.SECONDS)).as("what the member heard after").isNull();
    }

    /** A connection under the id of a child that has left is a stranger's: the hub admits an id once, for one connection. */
    @Test
    void aPeerConnectingUnderTheIdOfAChildThatLeftIsNotHeard() throws InterruptedException {
        Recording member = new Recording();
        String id = hub.expect(member);
        FakeChild child = admitted(id);
        child.leave();
        assertThat(member.events.poll(5, TimeUnit.SECONDS)).isEqualTo("disconnected");

        FakeChild latecomer = new FakeChild(context, hub, id);
        latecomer.send(new Message.Publish("forged", new byte[] {1}));
        latecomer.send(new Message.Ready());
        assertThat(member.events.poll(1, TimeUnit.SECONDS)).as("what the member heard from the latecomer").isNull();
    }

    /** A child under {@code id} that said HELLO and was sent its plan. */
    private FakeChild admitted(String id) {
        FakeChild child = new FakeChild(context, hub, id);
        assertThat(child.hello(hub.token()).receive()).isInstanceOf(Message.Plan.class);
        return child;
    }

    /** A member that notes what reaches it. */
    private static final class Recording extends Member {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void receive(Message message) {
            events.add(message.name());
        }

        @Override
        public void disconnected() {
            events.add("disconnected");
        }
    }

    /** A ZMTP 3.0 greeting with the NULL mechanism, as JeroMQ sends it. */
    private static byte[] greeting() {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mechanism, 0, greeting, 12, mechanism.length);
        return greeting;
    }

    /** Reads what the hub sends (its greeting) until it closes the connection; false if it keeps it open for 5 s. */
    private static boolean readUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the hub's greeting and handshake
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed as well
        }
    }

    private static class Member implements HubMember {

        @Override
        public Optional<ChildPlan> plan() {
            return Optional.of(new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(),
                    TimePlan.REAL));
        }

        @Override
        public void admitted() {}

        @Override
        public void refused(String reason) {}

        @Override
        public void receive(Message message) {}

        @Override
        public void disconnected() {}

        @Override
        public void tick() {}
    }
}

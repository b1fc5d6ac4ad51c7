package dev.proctest.reliability.hangs;

import static dev.proctest.reliability.hangs.Deadline.D;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Link;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.TestSocket;
import dev.proctest.TestSocketException;
import dev.proctest.reliability.hangs.children.MutePeer;
import dev.proctest.reliability.hangs.children.MuteRouter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/**
 * Every send and receive of test sockets and line clients ends by its deadline against a peer
 * that never answers, never reads, never completes the ZeroMQ handshake, or sits behind a
 * partitioned link; and a stop by message ends by its deadline when the message cannot go.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public class PeerWaitsTestCase {

    /** More than a loopback connection's buffers hold, so that a peer that reads nothing blocks the send. */
    private static final int UNREAD = 64 * 1024 * 1024;

    private static ChildProcess mute(Processes processes, Endpoint endpoint) {
        return processes.spawn(JavaChild.main(MutePeer.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.whenSignalled().within(Deadline.SETUP))
                .stopWith(Stop.bySending(endpoint, SocketType.REQ, "stop").within(D)));
    }

    /**
     * Sends until a send fails: the first thousand messages queue (ZeroMQ's high-water mark) in
     * microseconds, the next waits for room that never comes, for the socket's timeout.
     */
    private static void fillQueue(TestSocket socket) {
        while (true) {
            socket.send("more");
        }
    }

    @ProcessTest
    void lineClientWaitsEndByTheirDeadlinesOnAMutePeer(Processes processes) throws Exception {
        Endpoint endpoint = processes.endpoint("mute");
        ChildProcess child = mute(processes, endpoint);
        LineClient client = processes.lineClient(endpoint).timeout(D);
        Deadline.of("LineClient.receive", "mute peer", D).fails(TestSocketException.class, client::receive);
        assertThat(Deadline.of("LineClient.receiveUntil(1, D)", "mute peer", D).returns(true, () -> client.receiveUntil(1, D)))
                .isEmpty();
        Deadline.of("LineClient.expectNothing(D)", "mute peer", D).ends(true, () -> client.expectNothing(D));
        byte[] unread = new byte[UNREAD];
        Deadline.of("LineClient.sendBytes", "peer that reads nothing", D).fails(TestSocketException.class, () -> client.sendBytes(unread));

        TestSocket req = processes.socket(SocketType.REQ).timeout(D).connect(endpoint);
        req.send("hello"); // queued for the peer, as ZeroMQ does before a connection is up
        Deadline.of("TestSocket.receive", "stalls the ZeroMQ handshake", D).fails(TestSocketException.class, req::receive);
        TestSocket dealer = processes.socket(SocketType.DEALER).timeout(D).connect(endpoint);
        Deadline.of("TestSocket.send", "stalls the ZeroMQ handshake", D).fails(TestSocketException.class, () -> fillQueue(dealer));

        Deadline.of("stop, Stop.bySending(..).within(D)", "stalls the ZeroMQ handshake", D).ends(true, child::stop);
        assertThat(child.isAlive()).isFalse();
    }

    @ProcessTest
    void testSocketAndLinkWaitsEndByTheirDeadlinesOnAMuteRouter(Processes processes) throws Exception {
        Endpoint endpoint = processes.endpoint("router");
        processes.spawn(JavaChild.main(MuteRouter.class).args(endpoint.address()).readyWhen(Ready.whenSignalled().within(Deadline.SETUP)));
        TestSocket req = processes.socket(SocketType.REQ).timeout(D).connect(endpoint);
        req.send("ping");
        Deadline.of("TestSocket.receive", "mute peer", D).fails(TestSocketException.class, req::receive);
        TestSocket dealer = processes.socket(SocketType.DEALER).timeout(D).connect(endpoint);
        dealer.send("ping");
        assertThat(Deadline.of("TestSocket.receiveUntil(1, D)", "mute peer", D).returns(true, () -> dealer.receiveUntil(1, D)))
                .isEmpty();
        Deadline.of("TestSocket.expectNothing(D)", "mute peer", D).ends(true, () -> dealer.expectNothing(D));

        Link link = processes.link(endpoint);
        link.partition();
        TestSocket linked = processes.socket(SocketType.DEALER).timeout(D).connect(link.endpoint());
        linked.send("ping");
        Deadline.of("TestSocket.receive", "behind a partitioned link", D).fails(TestSocketException.class, linked::receive);
        Deadline.of("TestSocket.send", "behind a partitioned link", D).fails(TestSocketException.class, () -> fillQueue(linked));
        LineClient client = processes.lineClient(link.endpoint()).timeout(D);
        Deadline.of("LineClient.receive", "behind a partitioned link", D).fails(TestSocketException.class, client::receive);
    }
}

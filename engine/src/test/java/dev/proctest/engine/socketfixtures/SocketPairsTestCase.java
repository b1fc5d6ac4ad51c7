package dev.proctest.engine.socketfixtures;

import static dev.proctest.Transport.IPC;
import static dev.proctest.Transport.TCP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Multipart;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.Transports;
import dev.proctest.engine.children.PongServer;
import dev.proctest.engine.children.ZmqRouter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.zeromq.SocketType;

/** The socket pairs of the articles, each side a test socket or a child, over TCP and IPC. */
@Transports({TCP, IPC})
public class SocketPairsTestCase {

    @ProcessTest
    void reqRep(Processes processes) {
        Endpoint endpoint = processes.endpoint("rep");
        TestSocket rep = processes.socket(SocketType.REP).bind(endpoint);
        TestSocket req = processes.socket(SocketType.REQ).connect(endpoint);

        req.sendJson(List.of("ping", 1));
        assertThat(rep.receiveJson(new TypeReference<List<Object>>() {})).containsExactly("ping", 1);
        rep.sendJson(Map.of("pong", 1));
        assertThat(req.receiveJson().get("pong").asInt()).isEqualTo(1);
    }

    @ProcessTest
    void reqAgainstChild(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        TestSocket req = processes.socket(SocketType.REQ).connect(endpoint);
        for (int i = 0; i < 3; i++) {
            req.send("ping " + i);
            assertThat(req.receive()).isEqualTo("pong");
        }
    }

    @ProcessTest
    void pubSub(Processes processes) {
        Endpoint endpoint = processes.endpoint("pub");
        TestSocket pub = processes.socket(SocketType.XPUB).bind(endpoint);
        TestSocket sub = processes.socket(SocketType.SUB).connect(endpoint).subscribe("news");

        Multipart subscription = pub.receiveFrames(); // the subscription has arrived: no message is lost to a slow joiner
        assertThat(subscription.frame(0)).isEqualTo(new byte[] {1, 'n', 'e', 'w', 's'});
        pub.send("sports: 3-1");
        pub.send("news: it rains");
        assertThat(sub.receive()).isEqualTo("news: it rains");
        sub.expectNothing(Duration.ofMillis(50));
    }

    @ProcessTest
    void pushPull(Processes processes) {
        Endpoint endpoint = processes.endpoint("pull");
        TestSocket pull = processes.socket(SocketType.PULL).bind(endpoint);
        TestSocket push = processes.socket(SocketType.PUSH).connect(endpoint);
        for (int i = 1; i <= 3; i++) {
            push.sendJson(Map.of("task", i));
        }
        List<Multipart> tasks = pull.receiveUntil(5, Duration.ofMillis(300));
        assertThat(tasks).extracting(task -> task.json().get("task").asInt()).containsExactly(1, 2, 3);
    }

    @ProcessTest
    void dealerRouter(Processes processes) {
        Endpoint endpoint = processes.endpoint("router");
        TestSocket router = processes.socket(SocketType.ROUTER).bind(endpoint);
        TestSocket dealer = processes.socket(SocketType.DEALER).identity("client-1").connect(endpoint);

        dealer.sendMultipart(List.of(new byte[0]), Map.of("command", "status"), List.of(new byte[] {(byte) 0xca, (byte) 0xfe}));
        Multipart request = router.receiveMultipart(2); // [identity, "", json, extra]
        assertThat(request.header()).extracting(frame -> new String(frame, StandardCharsets.UTF_8)).containsExactly("client-1", "");
        assertThat(request.json().get("command").asText()).isEqualTo("status");
        assertThat(request.extra()).containsExactly(new byte[] {(byte) 0xca, (byte) 0xfe});

        router.sendMultipart(List.of(request.frame(0), new byte[0]), Map.of("status", "ok"));
        Multipart reply = dealer.receiveMultipart();
        assertThat(reply.size()).isEqualTo(2);
        assertThat(reply.json(StatusReply.class)).isEqualTo(new StatusReply("ok"));
    }

    @ProcessTest
    void dealerAgainstChildRouter(Processes processes) {
        Endpoint endpoint = processes.endpoint("router");
        processes.spawn(JavaChild.main(ZmqRouter.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        TestSocket dealer = processes.socket(SocketType.DEALER).identity("tester").connect(endpoint);
        dealer.sendFrames(List.of(new byte[0], "hello".getBytes(StandardCharsets.UTF_8)));
        Multipart reply = dealer.receiveFrames();
        assertThat(reply.text(0)).isEmpty();
        assertThat(reply.text()).isEqualTo("re: hello");
    }

    public record StatusReply(String status) {}
}

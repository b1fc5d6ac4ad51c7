package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.engine.children.Greeter;
import dev.proctest.engine.children.PongServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

/** Each test fails at a socket; the engine's tests read the failure messages. */
public class SocketFailuresTestCase {

    @ProcessTest
    void replyNeverComes(Processes processes) {
        processes.run(JavaChild.main(Greeter.class).args("world"));
        Endpoint endpoint = processes.endpoint("silent");
        TestSocket router = processes.socket(SocketType.ROUTER).bind(endpoint); // takes requests, never answers
        TestSocket req = processes.socket(SocketType.REQ).connect(endpoint).timeout(Duration.ofMillis(300));
        req.send("anybody there?");
        router.receiveFrames();
        req.receive();
    }

    @ProcessTest
    void nobodyListens(Processes processes) {
        TestSocket req = processes.socket(SocketType.DEALER).connect(processes.endpoint("nobody")).timeout(Duration.ofMillis(300));
        req.send("hello?");
        req.receive();
    }

    @ProcessTest
    void sendWithoutPeer(Processes processes) {
        processes.socket(SocketType.DEALER).timeout(Duration.ofMillis(100)).send("into the void");
    }

    @ProcessTest
    void sendOnClosedSocket(Processes processes) {
        TestSocket push = processes.socket(SocketType.PUSH).connect(processes.endpoint("sink"));
        push.close();
        push.send("too late");
    }

    @ProcessTest
    void receiveOnPub(Processes processes) {
        processes.socket(SocketType.PUB).bind(processes.endpoint("news")).receive();
    }

    @ProcessTest
    void sendOnSub(Processes processes) {
        processes.socket(SocketType.SUB).send("subscribers only listen");
    }

    @ProcessTest
    void malformedAddress(Processes processes) {
        processes.socket(SocketType.REQ).connect("tcp://localhost");
    }

    @ProcessTest
    void addressInUse(Processes processes) {
        Endpoint endpoint = processes.endpoint("taken");
        processes.socket(SocketType.REP).bind(endpoint);
        processes.socket(SocketType.REP).bind(endpoint);
    }

    @ProcessTest
    void requestTwice(Processes processes) {
        TestSocket req = processes.socket(SocketType.REQ).connect(processes.endpoint("pong"));
        req.send("one");
        req.send("two");
    }

    @ProcessTest
    void textThatIsNotJson(Processes processes) {
        Pair pair = pair(processes);
        pair.push().send("{\"unfinished\": ");
        pair.pull().receiveJson();
    }

    @ProcessTest
    void bytesThatAreNotJson(Processes processes) {
        Pair pair = pair(processes);
        pair.push().sendFrames(List.of(new byte[] {0x00, (byte) 0xff, 0x10}));
        pair.pull().receiveJson();
    }

    @ProcessTest
    void somethingWhereNothingWasExpected(Processes processes) {
        Pair pair = pair(processes);
        pair.push().send("surprise");
        pair.pull().expectNothing(Duration.ofSeconds(2));
    }

    @ProcessTest
    void multipartWhereOneFrameWasExpected(Processes processes) {
        Pair pair = pair(processes);
        pair.push().sendMultipart(List.of("id".getBytes()), List.of(1, 2));
        pair.pull().receive();
    }

    @ProcessTest
    void assertionAfterConversation(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        TestSocket req = processes.socket(SocketType.REQ).connect(endpoint);
        req.send("ping");
        assertThat(req.receive()).isEqualTo("pang");
    }

    @ProcessTest
    @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
    void receiveInterruptedByTimeout(Processes processes) {
        processes.socket(SocketType.PULL).bind(processes.endpoint("quiet")).timeout(Duration.ofSeconds(30)).receive();
    }

    @ProcessTest
    @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
    void lineReceiveInterruptedByTimeout(Processes processes) throws IOException {
        Endpoint endpoint = processes.endpoint("mute");
        ServerSocket mute = new ServerSocket(endpoint.port(), 1, InetAddress.getLoopbackAddress()); // accepts, never answers
        try {
            processes.lineClient(endpoint).timeout(Duration.ofSeconds(30)).receive();
        } finally {
            mute.close();
        }
    }

    private record Pair(TestSocket push, TestSocket pull) {}

    private static Pair pair(Processes processes) {
        Endpoint endpoint = processes.endpoint("pair");
        TestSocket pull = processes.socket(SocketType.PULL).bind(endpoint);
        return new Pair(processes.socket(SocketType.PUSH).connect(endpoint), pull);
    }
}

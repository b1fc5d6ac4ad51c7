package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Link;
import dev.proctest.Multipart;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.Transport;
import dev.proctest.Transports;
import dev.proctest.engine.children.PongServer;
import dev.proctest.engine.children.ZmqRouter;
import dev.proctest.engine.children.ZmqTicker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;

/** Message faults of links in front of real JeroMQ children: REQ/REP, DEALER/ROUTER and PUB/SUB. */
public class ZmqLinkTestCase {

    @ProcessTest
    void dropNextDropsApplicationMessagesOnly(Processes processes) {
        Link link = processes.link(pong(processes));
        link.dropNext(1); // before the connection: its handshake is not counted
        TestSocket dealer = processes.socket(SocketType.DEALER).connect(link.endpoint());
        dealer.sendFrames(frames("", "ping 1"));
        dealer.expectNothing(Duration.ofMillis(300));
        dealer.sendFrames(frames("", "ping 2"));
        assertThat(text(dealer.receiveFrames())).containsExactly("", "pong");
        link.dropNext(5);
        link.heal(); // lifts what is left of the count
        dealer.sendFrames(frames("", "ping 3"));
        assertThat(text(dealer.receiveFrames())).containsExactly("", "pong");
    }

    @ProcessTest
    void aReqRepConversationSurvivesAPartitionAndADelay(Processes processes) {
        Link link = processes.link(pong(processes));
        TestSocket req = processes.socket(SocketType.REQ).connect(link.endpoint());
        req.send("ping");
        assertThat(req.receive()).isEqualTo("pong");
        link.partition();
        req.send("ping");
        req.expectNothing(Duration.ofMillis(300));
        link.heal();
        assertThat(req.receive()).isEqualTo("pong");
        link.delay(Duration.ofMillis(100));
        long start = System.nanoTime();
        req.send("ping");
        assertThat(req.timeout(Duration.ofSeconds(2)).receive()).isEqualTo("pong");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200)); // there and back
    }

    @ProcessTest
    void aHeldMessageIsOvertakenAndReleasedInOrder(Processes processes) {
        Link link = processes.link(router(processes));
        TestSocket dealer = processes.socket(SocketType.DEALER).identity("d1").connect(link.endpoint());
        dealer.send("warm up");
        assertThat(dealer.receive()).isEqualTo("re: warm up");
        link.upstream().hold(frames -> last(frames).startsWith("held"));
        dealer.send("held 1");
        dealer.send("held 2");
        dealer.send("passes");
        assertThat(dealer.receive()).isEqualTo("re: passes");
        dealer.expectNothing(Duration.ofMillis(100));
        assertThat(link.release()).isEqualTo(2);
        assertThat(dealer.receive()).isEqualTo("re: held 1");
        assertThat(dealer.receive()).isEqualTo("re: held 2");
        link.heal();
        dealer.send("held 3");
        assertThat(dealer.receive()).isEqualTo("re: held 3");
    }

    @ProcessTest
    void aDropRuleOnOneDirectionDropsItsMatchingMessages(Processes processes) {
        Link link = processes.link(router(processes));
        TestSocket dealer = processes.socket(SocketType.DEALER).connect(link.endpoint());
        link.downstream().drop(frames -> last(frames).equals("re: drop me"));
        dealer.send("drop me");
        dealer.send("keep me");
        assertThat(dealer.receive()).isEqualTo("re: keep me");
        dealer.expectNothing(Duration.ofMillis(100));
        link.heal();
        dealer.send("drop me");
        assertThat(dealer.receive()).isEqualTo("re: drop me");
    }

    @ProcessTest
    @Transports({Transport.TCP, Transport.IPC})
    void aPartitionedZmqLinkLosesNothing(Processes processes) {
        Endpoint server = router(processes);
        Link link = processes.link(server);
        assertThat(link.endpoint().transport()).isEqualTo(server.transport());
        TestSocket dealer = processes.socket(SocketType.DEALER).connect(link.endpoint());
        dealer.send("before");
        assertThat(dealer.receive()).isEqualTo("re: before");
        link.partition();
        for (int i = 0; i < 100; i++) {
            dealer.send("during " + i);
        }
        dealer.expectNothing(Duration.ofMillis(300));
        link.heal();
        List<String> answers = new ArrayList<>();
        dealer.receiveUntil(100, Duration.ofSeconds(5)).forEach(answer -> answers.add(answer.text(0)));
        assertThat(answers).hasSize(100).first().isEqualTo("re: during 0");
        assertThat(answers).last().isEqualTo("re: during 99");
    }

    @ProcessTest
    void subscriptionsAreNeverCountedOrDropped(Processes processes) {
        Endpoint ticks = processes.endpoint("ticks");
        processes.spawn(JavaChild.main(ZmqTicker.class).args(ticks.address()).readyWhen(Ready.listening(ticks)));
        Link link = processes.link(ticks);
        link.dropNext(3);
        TestSocket sub = processes.socket(SocketType.SUB).subscribe("tick").connect(link.endpoint());
        long first = tick(sub.receive()); // the subscription passed: ticks come
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(tick(sub.receive()));
        }
        assertThat(later).containsExactly(first + 1, first + 2, first + 3, first + 4, first + 5);
        link.dropNext(3);
        long before = later.get(later.size() - 1); // ticks that passed before the call may still come: the gap is after it
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long next = tick(sub.receive());
            gaps.add(next - before);
            before = next;
        }
        assertThat(gaps).containsOnlyOnce(4L).filteredOn(gap -> gap != 4L).containsOnly(1L);
    }

    private static Endpoint pong(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        return endpoint;
    }

    private static Endpoint router(Processes processes) {
        Endpoint endpoint = processes.endpoint("router");
        processes.spawn(JavaChild.main(ZmqRouter.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        return endpoint;
    }

    private static long tick(String message) {
        return Long.parseLong(message.substring("tick ".length()));
    }

    private static String last(List<byte[]> frames) {
        return new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);
    }

    private static List<byte[]> frames(String... texts) {
        return List.of(texts).stream().map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static List<String> text(Multipart message) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < message.size(); i++) {
            texts.add(message.text(i));
        }
        return texts;
    }
}

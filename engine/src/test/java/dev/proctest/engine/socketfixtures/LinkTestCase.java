package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Link;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocketException;
import dev.proctest.engine.children.LineEcho;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;

/** Faults of a link in front of a real TCP line server child, which echoes every line. */
public class LinkTestCase {

    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private Endpoint server;

    @BeforeEach
    void startTheServer(Processes processes) {
        server = processes.endpoint("echo");
        processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(server.port())).readyWhen(Ready.listening(server)));
    }

    @ProcessTest
    void aHealthyLinkPassesEverything(Processes processes) {
        Link link = processes.link(server);
        assertThat(link.endpoint()).isNotEqualTo(server);
        assertThat(link.target()).isEqualTo(server);
        LineClient client = processes.lineClient(link.endpoint());
        List<String> sent = lines(2_000, 1);
        sent.forEach(client::send);
        assertThat(digest(client.receiveUntil(sent.size(), Duration.ofSeconds(10)))).isEqualTo(digest(sent));
    }

    @ProcessTest
    void aPartitionHoldsEverythingUntilItHeals(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        client.send("before");
        assertThat(client.receive()).isEqualTo("before");
        link.partition();
        List<String> sent = lines(500, 2);
        sent.forEach(client::send);
        client.expectNothing(Duration.ofMillis(300));
        LineClient during = processes.lineClient(link.endpoint()); // accepted, but it reaches the server only after the heal
        during.send("made during the partition");
        during.expectNothing(Duration.ofMillis(100));
        link.heal();
        assertThat(digest(client.receiveUntil(sent.size(), Duration.ofSeconds(10)))).isEqualTo(digest(sent));
        assertThat(during.receive()).isEqualTo("made during the partition");
    }

    @ProcessTest
    void oneDirectionPartitionedHoldsOnlyThatDirection(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        link.upstream().partition();
        client.send("up");
        client.expectNothing(Duration.ofMillis(200));
        link.upstream().heal();
        assertThat(client.receive()).isEqualTo("up");
        link.downstream().partition();
        client.send("down");
        client.expectNothing(Duration.ofMillis(200));
        link.downstream().heal();
        assertThat(client.receive()).isEqualTo("down");
    }

    @ProcessTest
    void aDelayDelaysEachWay(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        link.delay(Duration.ofMillis(150), Duration.ofMillis(50));
        long start = System.nanoTime();
        List<String> sent = lines(100, 3);
        sent.forEach(client::send);
        assertThat(client.receiveUntil(sent.size(), Duration.ofSeconds(5))).isEqualTo(sent); // jitter never reorders
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        link.delay(Duration.ofSeconds(5));
        client.send("slow");
        client.expectNothing(Duration.ofMillis(100));
        link.heal(); // what waits for a delay leaves at once, and no delay is left
        assertThat(client.timeout(Duration.ofMillis(2_500)).receive()).isEqualTo("slow");
        client.send("quick");
        assertThat(client.receive()).isEqualTo("quick");
    }

    @ProcessTest
    void aThrottleLimitsTheRate(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        link.upstream().throttle(20_000);
        List<String> sent = lines(200, 4); // 200 lines of 100 bytes: a second at 20 kB/s
        long start = System.nanoTime();
        sent.forEach(client::send);
        assertThat(digest(client.receiveUntil(sent.size(), Duration.ofSeconds(10)))).isEqualTo(digest(sent));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @ProcessTest
    void aResetEndsEveryConnectionAndNewOnesWork(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        client.send("one");
        assertThat(client.receive()).isEqualTo("one");
        link.reset();
        assertThatThrownBy(() -> {
            client.send("two");
            client.receive();
        }).isInstanceOf(TestSocketException.class).hasMessageMatching("(?s).*(closed|reset|Broken pipe).*");
        LineClient again = processes.lineClient(link.endpoint());
        again.send("three");
        assertThat(again.receive()).isEqualTo("three");
    }

    @ProcessTest
    void aRefusingLinkRefusesNewConnectionsOnly(Processes processes) {
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        link.refuse();
        assertThatThrownBy(() -> processes.lineClient(link.endpoint())).isInstanceOf(TestSocketException.class)
                .hasMessageContaining("refused");
        client.send("still here");
        assertThat(client.receive()).isEqualTo("still here");
        link.heal();
        LineClient again = processes.lineClient(link.endpoint());
        again.send("back");
        assertThat(again.receive()).isEqualTo("back");
    }

    @ProcessTest
    void aLinkListensOnlyWhileItsTargetDoes(Processes processes) {
        Endpoint later = processes.endpoint("later");
        Link link = processes.link(later);
        awaitRefused(processes, link); // as without the link: nobody listens yet
        ChildProcess server = processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(later.port()))
                .readyWhen(Ready.listening(later)));
        LineClient client = connectWithin(processes, link, Duration.ofSeconds(5)); // the link listens within 50 ms of its target
        client.send("up");
        assertThat(client.receive()).isEqualTo("up");
        server.kill();
        server.awaitExit(Duration.ofSeconds(5));
        assertThatThrownBy(client::receive).isInstanceOf(TestSocketException.class); // its connection ended with the server
        awaitRefused(processes, link); // a connection the link accepted before it saw the server gone is reset; then it refuses
    }

    /** Waits, up to 5 s, for a connection to the link to be refused; one accepted meanwhile must end without an answer. */
    private static void awaitRefused(Processes processes, Link link) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            LineClient attempt = null;
            try {
                attempt = processes.lineClient(link.endpoint());
                attempt.timeout(Duration.ofMillis(200)).receive();
            } catch (TestSocketException e) {
                if (e.getMessage().contains("refused")) {
                    break;
                }
            } finally {
                if (attempt != null) {
                    attempt.close();
                }
            }
            assertThat(System.nanoTime()).as("the link refuses once its target is gone").isLessThan(deadline);
        }
    }

    private static LineClient connectWithin(Processes processes, Link link, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return processes.lineClient(link.endpoint());
            } catch (TestSocketException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                LockSupport.parkNanos(RETRY_PAUSE_NANOS); // the pause between attempts inside the deadline
            }
        }
    }

    @ProcessTest
    void badFaultsAreRefusedWhereTheyAreMade(Processes processes) {
        Link link = processes.link(server);
        assertThatThrownBy(() -> link.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency cannot be negative");
        assertThatThrownBy(() -> link.delay(Duration.ZERO, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter cannot be negative");
        assertThatThrownBy(() -> link.throttle(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition()");
        assertThatThrownBy(() -> link.dropNext(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> link.hold(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> processes.link(null)).isInstanceOf(NullPointerException.class);
        LineClient client = processes.lineClient(link.endpoint());
        client.send("a line");
        assertThat(client.receive()).isEqualTo("a line");
        assertThatThrownBy(() -> link.dropNext(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not ZeroMQ connections");
        assertThatThrownBy(() -> link.upstream().drop(frames -> true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("message faults are for ZeroMQ links");
    }

    /** {@code count} lines of 99 random hex digits each. */
    static List<String> lines(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[50];
            random.nextBytes(bytes);
            lines.add(HexFormat.of().formatHex(bytes).substring(1));
        }
        return lines;
    }

    static String digest(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

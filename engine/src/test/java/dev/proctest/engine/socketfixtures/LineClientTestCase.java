package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocketException;
import dev.proctest.engine.children.LineEcho;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** Line clients against a real TCP server child that echoes lines. */
public class LineClientTestCase {

    private Endpoint endpoint;

    @BeforeEach
    void startTheServer(Processes processes) {
        endpoint = processes.endpoint("echo");
        processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(endpoint.port()))
                // its line, printed once it listens, is in the failure messages these tests check
                .readyWhen(Ready.all(Ready.listening(endpoint), Ready.whenLogged("echoing lines on port"))));
    }

    @ProcessTest
    void textAndJsonLines(Processes processes) {
        LineClient client = processes.lineClient(endpoint);
        client.send("hello");
        assertThat(client.receive()).isEqualTo("hello");
        client.sendJson(Map.of("command", "subscribe", "topic", "''\"\"'\"'"));
        assertThat(client.receiveJson().get("topic").asText()).isEqualTo("''\"\"'\"'");
        client.sendJson(new Message("send", "news"));
        assertThat(client.receiveJson(Message.class)).isEqualTo(new Message("send", "news"));
        client.expectNothing(Duration.ofMillis(50));
    }

    @ProcessTest
    void crlfLinesAndBytes(Processes processes) {
        LineClient client = processes.lineClient(endpoint).lineEnding("\r\n");
        client.send("with carriage return");
        assertThat(client.receive()).isEqualTo("with carriage return");
        client.sendBytes(new byte[] {'a', (byte) 0xff, 'b'});
        assertThatThrownBy(client::receiveJson).isInstanceOf(TestSocketException.class)
                .hasMessageMatching("line#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) received 0x61ff62, which does not read as JSON: .*");
    }

    @ProcessTest
    void manyLinesAtOnce(Processes processes) {
        LineClient client = processes.lineClient(endpoint);
        client.send("twice");
        assertThat(client.receiveUntil(2, Duration.ofSeconds(1))).containsExactly("once", "twice");
        client.send("twice");
        client.send("third");
        assertThat(client.receiveMany(Duration.ofMillis(200))).containsExactly("once", "twice", "third");
        assertThat(client.receiveUntil(1, Duration.ofMillis(50))).isEmpty();
    }

    @ProcessTest
    void waitsForNothingLastTheirWholePeriod(Processes processes) {
        LineClient client = processes.lineClient(endpoint);
        for (int i = 0; i < 5; i++) { // a socket timeout in whole milliseconds once ended each a fraction early
            long start = System.nanoTime();
            assertThat(client.receiveUntil(1, Duration.ofMillis(100))).isEmpty();
            assertThat(System.nanoTime() - start).as("receiveUntil's nanoseconds").isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
            start = System.nanoTime();
            client.expectNothing(Duration.ofMillis(100));
            assertThat(System.nanoTime() - start).as("expectNothing's nanoseconds").isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        }
    }

    @ProcessTest
    void manyJsonLinesAtOnce(Processes processes) {
        LineClient client = processes.lineClient(endpoint);
        client.sendJson(Map.of("n", 1));
        client.sendJson(Map.of("n", 2));
        assertThat(client.receiveJsonUntil(3, Duration.ofMillis(300))).extracting(line -> line.get("n").asInt()).containsExactly(1, 2);
        client.sendJson(Map.of("n", 3));
        assertThat(client.receiveManyJson(Duration.ofMillis(200))).extracting(line -> line.get("n").asInt()).containsExactly(3);
        client.send("not json");
        assertThatThrownBy(() -> client.receiveManyJson(Duration.ofMillis(200))).isInstanceOf(TestSocketException.class)
                .hasMessageContaining("received \"not json\", which does not read as JSON");
    }

    @ProcessTest
    void serverClosesTheConnection(Processes processes) {
        LineClient client = processes.lineClient(endpoint);
        client.send("bye");
        assertThatThrownBy(client::receive).isInstanceOf(TestSocketException.class)
                .hasMessageMatching("(?s)line#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) waited for a line and received the server "
                        + "closed the connection\\..*echoing lines on port.*");
    }

    @ProcessTest
    void receiveTimesOutShowingThePartialLine(Processes processes) {
        LineClient client = processes.lineClient(endpoint).timeout(Duration.ofMillis(200));
        client.sendBytes("no newline follows".getBytes());
        client.send("");
        assertThat(client.receive()).isEqualTo("no newline follows");
        assertThat(client.receive()).isEmpty();
        assertThatThrownBy(client::receive).isInstanceOf(TestSocketException.class)
                .hasMessageMatching("(?s)line#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) waited for a line and received nothing within "
                        + "200 ms\\. The conversation so far is in the test's transcript\\. The last line logged:\n.* LineEcho INFO stdout \\[main\\] "
                        + "echoing lines on port \\d+\nFull log: .*LineEcho\\.log");
    }

    @ProcessTest
    void connectingWhereNothingListens(Processes processes) {
        Endpoint nobody = processes.endpoint("nobody");
        assertThatThrownBy(() -> processes.lineClient(nobody)).isInstanceOf(TestSocketException.class)
                .hasMessageStartingWith("line#1 cannot connect to " + nobody + " within 1 s: Connection refused (nothing listens there, "
                        + "or its accept queue is full).");
        LineClient closed = processes.lineClient(endpoint);
        closed.close();
        assertThatThrownBy(() -> closed.send("late")).isInstanceOf(TestSocketException.class)
                .hasMessageMatching("line#2 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) cannot send \"late\": it is closed");
    }

    public record Message(String command, String topic) {}
}

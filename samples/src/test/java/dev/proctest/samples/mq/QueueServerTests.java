package dev.proctest.samples.mq;

import static dev.proctest.samples.mq.QueueClients.client;
import static dev.proctest.samples.mq.QueueClients.json;
import static dev.proctest.samples.mq.QueueClients.randomTopic;
import static dev.proctest.samples.mq.QueueClients.send;
import static dev.proctest.samples.mq.QueueClients.server;
import static dev.proctest.samples.mq.QueueClients.subscribe;
import static dev.proctest.samples.mq.QueueClients.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.Endpoint;
import dev.proctest.Implementation;
import dev.proctest.Implementations;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;

/**
 * The message queue's suite, once against the Java server and once against the Python one: one
 * suite proving the two wire compatible. The server is the class's child, started with a cache of
 * {@value #CACHE_SIZE} messages per topic so that a few messages overflow it; the test plays its
 * clients, up to 10,000 at once.
 */
@Implementations({"java", "python"})
class QueueServerTests {

    static final int CACHE_SIZE = 3;
    static final Duration SHORT = Duration.ofMillis(100); // "nothing more comes": long for a computer
    static final Duration PATIENCE = Duration.ofSeconds(10);

    static Endpoint endpoint;
    private final Random random = new Random();

    @BeforeAll
    static void startTheServer(Processes processes, Implementation implementation) {
        endpoint = processes.endpoint("queue");
        processes.spawn(server(implementation, endpoint, CACHE_SIZE));
    }

    @ProcessTest
    void random_bytes_are_refused_line_by_line_and_the_server_serves_on(Processes processes) {
        for (int length : new int[] {100, 1024, 10 * 1024}) {
            LineClient client = client(processes, endpoint);
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            int lines = 1;
            for (byte b : bytes) {
                lines += b == '\n' ? 1 : 0;
            }
            client.sendBytes(bytes);

            List<JsonNode> replies = client.receiveJsonUntil(lines, PATIENCE);
            assertThat(replies).as("one reply per line of %d random bytes", length).hasSize(lines)
                    .allSatisfy(reply -> assertThat(reply.get("success").asBoolean()).isFalse())
                    .extracting(reply -> reply.get("reason").asText())
                    .isSubsetOf(QueueProtocol.NOT_UTF8, QueueProtocol.MALFORMED).contains(QueueProtocol.NOT_UTF8);
            client.sendJson(subscribe(randomTopic(random, 8)));
            assertThat(succeeded(client.receiveJson())).as("the server still serves").isTrue();
        }
    }

    @ProcessTest
    void random_strings_are_malformed_json(Processes processes) {
        LineClient client = client(processes, endpoint);
        for (int length : new int[] {1, 100, 1024, 10 * 1024}) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) (' ' + 1 + random.nextInt(94))); // printable, no space: never a JSON object by chance
            }
            client.send(text.toString().replace('{', '('));
            assertThat(client.receiveJson()).isEqualTo(json(Map.of("success", false, "reason", QueueProtocol.MALFORMED)));
        }
    }

    @ProcessTest
    void malformed_commands_are_refused(Processes processes) {
        LineClient client = client(processes, endpoint);
        String topic = randomTopic(random, 10);
        List<Map<String, Object>> malformed = List.of(
                Map.of("command", "subscribe"),
                Map.of("command", "subscribe", "topic", topic, "extra_key", "extra_value"),
                Map.of("command", 123, "topic", topic),
                Map.of("command", "subscribe", "topic", 123),
                Map.of("command", "subscribe", "topic", topic, "last_seen", "123"),
                Map.of("command", "subscribe", "topic", topic, "last_seen", 1.5),
                Map.of("command", "subscribe", "topic", topic, "last_seen", true),
                Map.of("command", "subscribe", "topic", topic, "cache", 123),
                Map.of("command", "unsubscribe"),
                Map.of("command", "unsubscribe", "topic", topic, "cache", true),
                Map.of("command", "unsubscribe", "topic", List.of(topic)),
                Map.of("command", "send", "topic", topic, "msg", "m"),
                Map.of("command", "send", "topic", topic, "delivery", "all"),
                Map.of("command", "send", "topic", topic, "msg", 7, "delivery", "all"),
                Map.of("command", "send", "topic", topic, "msg", "m", "delivery", "some"),
                Map.of("command", "send", "topic", topic, "msg", "m", "delivery", "all", "index", 0),
                Map.of("topic", topic));
        for (Map<String, Object> command : malformed) {
            client.sendJson(command);
            assertThat(client.receiveJson()).as("the reply to %s", command)
                    .isEqualTo(json(Map.of("success", false, "reason", QueueProtocol.MALFORMED)));
        }
        for (String line : List.of("[1, 2]", "\"subscribe\"", "42", "null", "", "{\"command\": \"subscribe\", \"topic\": \"a\"} {}")) {
            client.send(line);
            assertThat(client.receiveJson()).as("the reply to [%s]", line)
                    .isEqualTo(json(Map.of("success", false, "reason", QueueProtocol.MALFORMED)));
        }
    }

    @ProcessTest
    void unknown_commands_are_refused(Processes processes) {
        LineClient client = client(processes, endpoint);
        for (String command : List.of("publish", "", "SUBSCRIBE", "subscribe ")) {
            client.sendJson(Map.of("command", command, "topic", "t"));
            assertThat(client.receiveJson()).as("the reply to command [%s]", command)
                    .isEqualTo(json(Map.of("success", false, "reason", QueueProtocol.UNKNOWN_COMMAND)));
        }
    }

    @ProcessTest
    void quotes_in_topics_and_messages_pass_through(Processes processes) {
        LineClient client = client(processes, endpoint);
        for (String quoted : List.of("''''''", "\"\"\"\"\"\"", "'\"'\"'\"")) {
            client.sendJson(subscribe(quoted));
            assertThat(succeeded(client.receiveJson())).isTrue();
            client.sendJson(send(quoted, quoted, "all"));
            assertThat(client.receiveJsonUntil(2, PATIENCE)).contains(json(Map.of("success", true)),
                    json(Map.of("command", "send", "topic", quoted, "msg", quoted, "index", 0, "delivery", "all")));
        }
    }

    @ProcessTest
    void topics_of_1_to_1024_characters(Processes processes) {
        LineClient client = client(processes, endpoint);
        for (int length = 1; length <= 1024; length = length < 16 ? length + 1 : length * 2) {
            String topic = "t" + randomTopic(random, length - 1);
            client.sendJson(subscribe(topic));
            assertThat(succeeded(client.receiveJson())).isTrue();
            client.sendJson(send(topic, "of " + length, "all"));
            List<JsonNode> replies = client.receiveJsonUntil(2, PATIENCE);
            assertThat(replies).as("topic of %d characters", length).hasSize(2).contains(json(Map.of("success", true)))
                    .anySatisfy(message -> assertThat(message.path("topic").asText()).isEqualTo(topic));
        }
    }

    @ProcessTest
    void delivery_all_reaches_every_subscriber_and_one_a_single_one(Processes processes) {
        String topic = randomTopic(random, 12);
        List<LineClient> subscribers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LineClient subscriber = client(processes, endpoint);
            subscriber.sendJson(subscribe(topic));
            assertThat(succeeded(subscriber.receiveJson())).isTrue();
            subscribers.add(subscriber);
        }
        LineClient sender = client(processes, endpoint);
        for (int i = 0; i < 10; i++) {
            sender.sendJson(send(topic, "to all " + i, "all"));
        }
        assertThat(sender.receiveJsonUntil(10, PATIENCE)).hasSize(10).allMatch(QueueClients::succeeded);
        for (LineClient subscriber : subscribers) {
            assertThat(subscriber.receiveJsonUntil(10, PATIENCE)).extracting(message -> message.get("msg").asText())
                    .containsExactly("to all 0", "to all 1", "to all 2", "to all 3", "to all 4", "to all 5", "to all 6", "to all 7",
                            "to all 8", "to all 9");
        }

        for (int i = 0; i < 9; i++) {
            sender.sendJson(send(topic, "to one " + i, "one"));
        }
        assertThat(sender.receiveJsonUntil(9, PATIENCE)).hasSize(9).allMatch(QueueClients::succeeded);
        List<String> received = new ArrayList<>();
        for (LineClient subscriber : subscribers) {
            received.addAll(subscriber.receiveManyJson(SHORT).stream().map(message -> message.get("msg").asText()).toList());
        }
        assertThat(received).as("each message to one subscriber, exactly once").hasSize(9).doesNotHaveDuplicates()
                .allMatch(msg -> msg.startsWith("to one "));
    }

    @ProcessTest
    void the_cache_keeps_the_newest_messages_for_later_subscribers(Processes processes) {
        String topic = randomTopic(random, 12);
        LineClient sender = client(processes, endpoint);
        for (int i = 0; i < CACHE_SIZE + 2; i++) {
            sender.sendJson(send(topic, "m" + i, "all"));
        }
        assertThat(sender.receiveJsonUntil(CACHE_SIZE + 2, PATIENCE)).hasSize(CACHE_SIZE + 2).allMatch(QueueClients::succeeded);

        LineClient late = client(processes, endpoint);
        late.sendJson(subscribe(topic));
        List<JsonNode> replies = late.receiveJsonUntil(CACHE_SIZE + 1, PATIENCE);
        assertThat(replies.get(0)).isEqualTo(json(Map.of("success", true)));
        assertThat(replies.subList(1, replies.size())).as("only the newest %d", CACHE_SIZE).extracting(message -> message.get("index").asInt())
                .containsExactly(2, 3, 4);
        late.expectNothing(SHORT);

        LineClient uncached = client(processes, endpoint);
        uncached.sendJson(Map.of("command", "subscribe", "topic", topic, "cache", false));
        assertThat(succeeded(uncached.receiveJson())).isTrue();
        uncached.expectNothing(SHORT);

        LineClient lastSeen = client(processes, endpoint);
        lastSeen.sendJson(Map.of("command", "subscribe", "topic", topic, "last_seen", 3));
        assertThat(lastSeen.receiveJsonUntil(2, PATIENCE)).extracting(message -> message.path("index").asInt(-1))
                .as("the reply, then what came after index 3").containsExactly(-1, 4);
        lastSeen.expectNothing(SHORT);
    }

    @ProcessTest
    void a_topic_with_nothing_cached_sends_nothing_but_the_reply(Processes processes) {
        LineClient client = client(processes, endpoint);
        client.sendJson(subscribe(randomTopic(random, 12)));
        assertThat(succeeded(client.receiveJson())).isTrue();
        client.expectNothing(SHORT);
    }

    @ProcessTest
    void unsubscribed_clients_receive_nothing_more(Processes processes) {
        String topic = randomTopic(random, 12);
        LineClient subscriber = client(processes, endpoint);
        subscriber.sendJson(subscribe(topic));
        assertThat(succeeded(subscriber.receiveJson())).isTrue();
        subscriber.sendJson(Map.of("command", "unsubscribe", "topic", topic));
        assertThat(succeeded(subscriber.receiveJson())).isTrue();
        LineClient stranger = client(processes, endpoint);
        stranger.sendJson(Map.of("command", "unsubscribe", "topic", topic));
        assertThat(succeeded(stranger.receiveJson())).as("leaving a topic one never joined").isTrue();
        LineClient sender = client(processes, endpoint);
        sender.sendJson(send(topic, "after", "all"));
        assertThat(succeeded(sender.receiveJson())).isTrue();
        subscriber.expectNothing(SHORT);
    }

    @ProcessTest
    void many_connections_10_clients_1_message(Processes processes) {
        ManyClients.exchange(processes, endpoint, 10, 1);
    }

    @ProcessTest
    void many_connections_10_clients_10_messages(Processes processes) {
        ManyClients.exchange(processes, endpoint, 10, 10);
    }

    @ProcessTest
    void many_connections_10_clients_100_messages(Processes processes) {
        ManyClients.exchange(processes, endpoint, 10, 100);
    }

    @ProcessTest
    void many_connections_100_clients_10_messages(Processes processes) {
        ManyClients.exchange(processes, endpoint, 100, 10);
    }

    @ProcessTest
    void many_connections_1000_clients_10_messages(Processes processes) {
        ManyClients.exchange(processes, endpoint, 1000, 10);
    }

    @ProcessTest
    void many_connections_10000_clients_10_messages(Processes processes) {
        ManyClients.exchange(processes, endpoint, 10_000, 10);
    }
}

package dev.proctest.samples.mq;

import static dev.proctest.samples.mq.QueueClients.client;
import static dev.proctest.samples.mq.QueueClients.json;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One session with the message queue told as a story, against both servers: the server is the
 * class's child; a {@code @Nested} class is one situation, whose clients connect in its own
 * {@code @BeforeAll} and stay connected from step to step, the steps in their {@code @Order}.
 */
@Implementations({"java", "python"})
class QueueSessionTests {

    static Endpoint endpoint;

    @BeforeAll
    static void startTheServer(Processes processes, Implementation implementation) {
        endpoint = processes.endpoint("queue");
        processes.spawn(server(implementation, endpoint, QueueServerTests.CACHE_SIZE));
    }

    @ProcessTest
    void a_first_client_is_served(Processes processes) {
        LineClient client = client(processes, endpoint);
        client.sendJson(subscribe("hello"));
        assertThat(succeeded(client.receiveJson())).isTrue();
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OneTopic {

        static final String TOPIC = "news";
        static final int SENT = QueueServerTests.CACHE_SIZE + 2;
        static LineClient subscriber;
        static LineClient sender;

        @BeforeAll
        static void connect(Processes processes) {
            subscriber = client(processes, endpoint);
            sender = client(processes, endpoint);
        }

        @ProcessTest
        @Order(1)
        void the_subscriber_subscribes() {
            subscriber.sendJson(subscribe(TOPIC));
            assertThat(succeeded(subscriber.receiveJson())).isTrue();
        }

        @ProcessTest
        @Order(2)
        void every_message_sent_reaches_it_in_order() {
            for (int i = 0; i < SENT; i++) {
                sender.sendJson(send(TOPIC, "m" + i, "all"));
                assertThat(succeeded(sender.receiveJson())).isTrue();
                assertThat(subscriber.receiveJson())
                        .isEqualTo(json(Map.of("command", "send", "topic", TOPIC, "msg", "m" + i, "index", i, "delivery", "all")));
            }
        }

        @ProcessTest
        @Order(3)
        void a_late_subscriber_gets_the_newest_cached_messages(Processes processes) {
            LineClient late = client(processes, endpoint);
            late.sendJson(subscribe(TOPIC));
            List<JsonNode> replies = late.receiveJsonUntil(QueueServerTests.CACHE_SIZE + 1, QueueServerTests.PATIENCE);
            assertThat(succeeded(replies.get(0))).isTrue();
            assertThat(replies.subList(1, replies.size())).extracting(message -> message.get("msg").asText())
                    .containsExactly("m2", "m3", "m4");
        }

        @ProcessTest
        @Order(4)
        void once_it_unsubscribes_nothing_more_reaches_it() {
            subscriber.sendJson(Map.of("command", "unsubscribe", "topic", TOPIC));
            assertThat(succeeded(subscriber.receiveJson())).isTrue();
            sender.sendJson(send(TOPIC, "after", "all"));
            assertThat(succeeded(sender.receiveJson())).isTrue();
            subscriber.expectNothing(QueueServerTests.SHORT);
        }
    }
}

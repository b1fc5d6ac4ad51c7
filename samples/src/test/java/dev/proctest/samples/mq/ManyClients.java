package dev.proctest.samples.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.Endpoint;
import dev.proctest.LineClient;
import dev.proctest.Processes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Many clients at once, each subscribed to a topic of its own, each sending messages to others
 * picked at random without reading, then each checking that it received exactly its replies and
 * what was addressed to it.
 */
final class ManyClients {

    private ManyClients() {}

    static void exchange(Processes processes, Endpoint endpoint, int clients, int messagesEach) {
        Random random = new Random();
        List<LineClient> connected = new ArrayList<>(clients);
        List<String> topics = new ArrayList<>(clients);
        int[] expected = new int[clients];
        for (int i = 0; i < clients; i++) { // each connects and subscribes to its own topic
            LineClient client = QueueClients.client(processes, endpoint);
            String topic = "client-" + i + "-" + QueueClients.randomTopic(random, 8);
            client.sendJson(QueueClients.subscribe(topic));
            assertThat(QueueClients.succeeded(client.receiveJson())).isTrue();
            connected.add(client);
            topics.add(topic);
        }
        for (int sender = 0; sender < clients; sender++) { // each sends to others and reads nothing yet
            for (int m = 0; m < messagesEach; m++) {
                int recipient = (sender + 1 + random.nextInt(clients - 1)) % clients;
                connected.get(sender).sendJson(QueueClients.send(topics.get(recipient), "from " + sender + " to " + recipient, "all"));
                expected[sender]++; // its {"success":true}
                expected[recipient]++; // the message
            }
        }
        int delivered = 0;
        for (int i = 0; i < clients; i++) {
            List<JsonNode> received = connected.get(i).receiveJsonUntil(expected[i], Duration.ofSeconds(30));
            assertThat(received).as("what client %d received", i).hasSize(expected[i]);
            for (JsonNode message : received) {
                if (message.has("command")) {
                    assertThat(message.get("topic").asText()).as("a message to client %d", i).isEqualTo(topics.get(i));
                    assertThat(message.get("msg").asText()).endsWith(" to " + i);
                    delivered++;
                } else {
                    assertThat(QueueClients.succeeded(message)).as("a reply to client %d: %s", i, message).isTrue();
                }
            }
        }
        assertThat(delivered).as("every message delivered once").isEqualTo(clients * messagesEach);
        connected.get(clients - 1).expectNothing(QueueServerTests.SHORT); // then nothing more for anyone: no message twice
        if (clients <= 1000) { // 1 ms each: 10 s for 10,000
            connected.forEach(client -> client.expectNothing(Duration.ofMillis(1)));
        }
        connected.forEach(LineClient::close);
    }
}

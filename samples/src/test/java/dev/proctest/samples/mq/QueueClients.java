package dev.proctest.samples.mq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.Endpoint;
import dev.proctest.Implementation;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/** What the queue's suite needs to talk to a server: each implementation's start, clients, the commands as JSON. */
final class QueueClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueClients() {}

    /** The implementation's server on {@code endpoint}, ready once it listens. */
    static ChildSpec<?> server(Implementation implementation, Endpoint endpoint, int cacheSize) {
        String port = String.valueOf(endpoint.port());
        ChildSpec<?> server = switch (implementation.name()) {
            case "java" -> JavaChild.main(QueueServer.class).args(port, String.valueOf(cacheSize));
            case "python" -> CommandChild.of("python3", "-u", Path.of("src/main/python/queue_server.py").toAbsolutePath().toString(),
                    port, String.valueOf(cacheSize));
            default -> throw new IllegalArgumentException("no server for " + implementation);
        };
        return server.name("queue").readyWhen(Ready.listening(endpoint));
    }

    /** A client as the suite uses them: lines end with CRLF, and a server busy with 10,000 others has time to reply. */
    static LineClient client(Processes processes, Endpoint endpoint) {
        return processes.lineClient(endpoint).lineEnding("\r\n").timeout(QueueServerTests.PATIENCE);
    }

    static Map<String, Object> subscribe(String topic) {
        return Map.of("command", "subscribe", "topic", topic);
    }

    static Map<String, Object> send(String topic, String msg, String delivery) {
        return Map.of("command", "send", "topic", topic, "msg", msg, "delivery", delivery);
    }

    static boolean succeeded(JsonNode reply) {
        return reply.equals(json(Map.of("success", true)));
    }

    static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    static String randomTopic(Random random, int length) {
        StringBuilder topic = new StringBuilder();
        for (int i = 0; i < length; i++) {
            topic.append((char) ('a' + random.nextInt(26)));
        }
        return topic.toString();
    }

}

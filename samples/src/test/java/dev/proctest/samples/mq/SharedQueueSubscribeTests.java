package dev.proctest.samples.mq;

import static dev.proctest.samples.mq.QueueClients.client;
import static dev.proctest.samples.mq.QueueClients.send;
import static dev.proctest.samples.mq.QueueClients.subscribe;
import static dev.proctest.samples.mq.QueueClients.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.Processes;
import dev.proctest.Shared;
import java.util.List;

/**
 * The other class served by the same queue server: a late subscriber gets the newest cached
 * messages of a topic of the test's own. Had another test used the topic, the cache would hold its
 * messages too: the reason each test names its own.
 */
class SharedQueueSubscribeTests {

    @ProcessTest
    void a_late_subscriber_gets_the_newest_cached_messages(Processes processes, ProcessTestInfo test) {
        Shared queue = processes.shared(SharedQueue.class);
        String topic = "subscribe-" + test.displayName().replaceAll("\\W", "") + "-" + System.nanoTime(); // the test's own
        LineClient sender = client(processes, queue.endpoint("queue"));
        for (int i = 0; i < SharedQueue.CACHE_SIZE + 1; i++) {
            sender.sendJson(send(topic, "m" + i, "all"));
            assertThat(succeeded(sender.receiveJson())).isTrue();
        }

        LineClient late = client(processes, queue.endpoint("queue"));
        late.sendJson(subscribe(topic));
        List<JsonNode> replies = late.receiveJsonUntil(SharedQueue.CACHE_SIZE + 1, QueueServerTests.PATIENCE);
        assertThat(succeeded(replies.get(0))).isTrue();
        assertThat(replies.subList(1, replies.size())).extracting(reply -> reply.get("msg").asText()).containsExactly("m1", "m2", "m3");
    }
}

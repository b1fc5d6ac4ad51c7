package dev.proctest.samples.mq;

import static dev.proctest.samples.mq.QueueClients.client;
import static dev.proctest.samples.mq.QueueClients.send;
import static dev.proctest.samples.mq.QueueClients.subscribe;
import static dev.proctest.samples.mq.QueueClients.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.Processes;
import dev.proctest.Shared;

/** One of two classes served by one queue server for the whole run: a message to one subscriber of a topic of the test's own. */
class SharedQueuePublishTests {

    @ProcessTest
    void a_message_sent_to_one_reaches_one_subscriber(Processes processes, ProcessTestInfo test) {
        Shared queue = processes.shared(SharedQueue.class);
        String topic = "publish-" + test.displayName().replaceAll("\\W", "") + "-" + System.nanoTime(); // the test's own
        LineClient subscriber = client(processes, queue.endpoint("queue"));
        subscriber.sendJson(subscribe(topic));
        assertThat(succeeded(subscriber.receiveJson())).isTrue();

        LineClient sender = client(processes, queue.endpoint("queue"));
        sender.sendJson(send(topic, "hello", "one"));
        assertThat(succeeded(sender.receiveJson())).isTrue();
        assertThat(subscriber.receiveJson().get("msg").asText()).isEqualTo("hello");
    }
}

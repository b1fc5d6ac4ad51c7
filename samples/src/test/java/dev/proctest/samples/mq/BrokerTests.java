package dev.proctest.samples.mq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.UnitTest;
import java.util.ArrayList;
import java.util.List;

/** The queue's protocol and broker alone, in the test JVM: what each line does, without a socket. */
class BrokerTests {

    private final Broker broker = new Broker(2);

    @UnitTest
    void lines_parse_into_requests_or_the_reason_they_are_none() {
        assertThat(QueueProtocol.parse("{\"command\":\"subscribe\",\"topic\":\"t\",\"last_seen\":4}".getBytes(UTF_8)))
                .isEqualTo(new QueueProtocol.Subscribe("t", java.math.BigInteger.valueOf(4), true));
        assertThat(QueueProtocol.parse(new byte[] {(byte) 0xff})).isEqualTo(new QueueProtocol.Invalid(QueueProtocol.NOT_UTF8));
        assertThat(QueueProtocol.parse("{\"command\":\"send\",\"topic\":\"t\",\"msg\":\"m\"}".getBytes(UTF_8)))
                .isEqualTo(new QueueProtocol.Invalid(QueueProtocol.MALFORMED));
        assertThat(QueueProtocol.parse("{\"command\":\"drop\"}".getBytes(UTF_8)))
                .isEqualTo(new QueueProtocol.Invalid(QueueProtocol.UNKNOWN_COMMAND));
    }

    @UnitTest
    void a_client_may_leave_a_topic_it_never_joined() {
        List<String> other = new ArrayList<>();
        broker.handle(other::add, "{\"command\":\"subscribe\",\"topic\":\"t\"}".getBytes(UTF_8));
        List<String> stranger = new ArrayList<>();
        broker.handle(stranger::add, "{\"command\":\"unsubscribe\",\"topic\":\"t\"}".getBytes(UTF_8));
        assertThat(stranger).containsExactly(QueueProtocol.success());
    }

    @UnitTest
    void a_subscriber_gets_the_newest_cached_messages_and_nothing_once_gone() {
        List<String> sender = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            broker.handle(sender::add, ("{\"command\":\"send\",\"topic\":\"t\",\"msg\":\"m" + i + "\",\"delivery\":\"all\"}").getBytes(UTF_8));
        }
        List<String> late = new ArrayList<>();
        Broker.Subscriber subscriber = late::add;
        broker.handle(subscriber, "{\"command\":\"subscribe\",\"topic\":\"t\"}".getBytes(UTF_8));
        assertThat(late).containsExactly(QueueProtocol.success(), QueueProtocol.delivered("t", "m1", 1, true),
                QueueProtocol.delivered("t", "m2", 2, true));

        broker.gone(subscriber);
        broker.handle(sender::add, "{\"command\":\"send\",\"topic\":\"t\",\"msg\":\"m3\",\"delivery\":\"one\"}".getBytes(UTF_8));
        assertThat(late).hasSize(3);
        assertThat(sender).hasSize(4).allMatch(QueueProtocol.success()::equals);
    }
}

package dev.proctest.samples.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Transport;
import dev.proctest.Transports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The channel library, every test once over TCP and once over a Unix domain socket ({@code [tcp]},
 * {@code [unix]}), each with a server of its own whose handler the test gives.
 */
@Timeout(60) // a channel that hangs fails its test, naming where it waited
@Transports({Transport.TCP, Transport.UNIX})
class ChannelTests {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    @ProcessTest
    void a_request_gets_its_reply(Processes processes, Logs logs) throws Exception {
        List<Object> results = new CopyOnWriteArrayList<>();
        try (ChannelContext context = ChannelContext.serveAndConnect(processes, call -> {
            results.add(call.argument(0, Object.class));
            return "cya";
        })) {
            results.add(context.channel().request("ohai", PATIENCE));
            context.server().stop(); // as the scope's end would: nothing is left pending
        }
        assertThat(results).containsExactly("ohai", "cya");
        assertThat(logs.from("greeter").await("greeter closed with 0 requests in progress")).isNotNull();
    }

    @ProcessTest
    void several_requests_in_flight_each_get_their_own_reply(Processes processes) throws Exception {
        try (ChannelContext context = ChannelContext.serveAndConnect(processes, call -> "re: " + call.argument(0, Object.class))) {
            List<CompletableFuture<Object>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(context.channel().send(List.of("request", i)));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(replies.get(i).get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("re: [request, " + i + "]");
            }
        }
    }

    @ProcessTest
    void a_handler_that_throws_fails_its_request_and_the_server_goes_on(Processes processes) throws Exception {
        try (ChannelContext context = ChannelContext.serveAndConnect(processes, call -> {
            if ("boom".equals(call.argument(0, Object.class))) {
                throw new IllegalArgumentException("no greeting for boom");
            }
            return "fine";
        })) {
            assertThatThrownBy(() -> context.channel().request("boom", PATIENCE)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("IllegalArgumentException: no greeting for boom");
            assertThat(context.channel().request("after", PATIENCE)).isEqualTo("fine");
        }
    }

    @ProcessTest
    void a_server_closed_while_a_client_waits_fails_the_request_at_once(Processes processes, Logs logs) throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ChannelContext context = ChannelContext.serveAndConnect(processes, call -> {
            answering.countDown();
            release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS); // the server's handler waits on the test
            return "too late";
        })) {
            CompletableFuture<Object> waiting = context.channel().send("ohai");
            assertThat(answering.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the handler has the request").isTrue();

            context.server().stop(); // SIGTERM: the server closes its channels from its shutdown hook

            assertThatThrownBy(() -> waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ChannelException.class).cause().hasMessageContaining("the server closed the channel");
            assertThat(logs.from("greeter").await("greeter closed with 1 requests in progress")).isNotNull();
        } finally {
            release.countDown();
        }
    }
}

package dev.proctest.samples.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Transport;
import dev.proctest.Transports;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;

/**
 * A fixture, run by {@link FailsBadlyTests}: a test that fails badly with its server up and its
 * channel open, then a test that starts a server on the same endpoint name.
 */
@Timeout(60) // a channel that hangs fails its test, naming where it waited
@Transports({Transport.TCP, Transport.UNIX})
public class FailsBadly {

    /** What ran, in order, with the transport: read by the test that runs this fixture. */
    public static final List<String> RAN = new CopyOnWriteArrayList<>();

    @ProcessTest
    void fails_badly_with_its_server_up(Processes processes) {
        ChannelContext context = ChannelContext.serveAndConnect(processes, call -> "up"); // never closed by the test
        RAN.add("fails " + processes.endpoint("channel").transport().label());
        assertThat(context.channel().request("ohai", Duration.ofSeconds(10))).isEqualTo("up");
        throw new IllegalStateException("a test that fails badly"); // its server up, its channel open
    }

    @ProcessTest
    void binds_the_same_endpoint_name_fine(Processes processes) throws Exception {
        try (ChannelContext context = ChannelContext.serveAndConnect(processes, call -> "fine")) {
            RAN.add("binds " + processes.endpoint("channel").transport().label());
            assertThat(context.channel().request("ohai", Duration.ofSeconds(10))).isEqualTo("fine");
        }
    }
}

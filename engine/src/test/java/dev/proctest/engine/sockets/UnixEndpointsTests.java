package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Endpoint;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.UnixEndpointsTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code Transport.UNIX}: real Unix domain sockets for stream servers, in a short private directory removed with the test. */
class UnixEndpointsTests {

    @Test
    void aStreamServerIsTestedOverTcpAndUnixAndItsSocketDirectoryIsRemoved() {
        UnixEndpointsTestCase.SOCKETS.clear();

        Outcomes.assertAllPassed(execute(selectClass(UnixEndpointsTestCase.class)), 4);

        assertThat(UnixEndpointsTestCase.SOCKETS).singleElement().satisfies(socket -> {
            assertThat(socket.getParent().getFileName().toString()).startsWith("proctest-unix-");
            assertThat(Files.exists(socket.getParent())).as("the private directory, once the test ended").isFalse();
        });
    }

    @Test
    void aPathOfTheUsersTooLongIsRefusedNamingItAndTheLimit() {
        Path path = Path.of("/tmp", "d".repeat(60), "s".repeat(60));
        assertThatThrownBy(() -> Endpoint.unix(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("at most 107");
        assertThat(Endpoint.unix(Path.of("/tmp/q.sock")).address()).isEqualTo("unix:///tmp/q.sock");
        assertThatThrownBy(() -> Endpoint.tcp(5555).path()).isInstanceOf(IllegalStateException.class).hasMessageContaining("no path");
    }
}

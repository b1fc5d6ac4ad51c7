package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.Transport;
import dev.proctest.Transports;
import dev.proctest.engine.children.LineEcho;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.zeromq.SocketType;

/** A stream server over TCP and over a real Unix domain socket, the same test for both. */
public class UnixEndpointsTestCase {

    /** The socket paths the [unix] repetition used; read by the test that runs this fixture once it has ended. */
    public static final List<Path> SOCKETS = new CopyOnWriteArrayList<>();

    @ProcessTest
    @Transports({Transport.TCP, Transport.UNIX})
    void aLineServerAnswersOverEitherTransport(Processes processes) {
        Endpoint endpoint = processes.endpoint("echo");
        String where = endpoint.transport() == Transport.UNIX ? endpoint.path().toString() : String.valueOf(endpoint.port());
        processes.spawn(JavaChild.main(LineEcho.class).args(where).readyWhen(Ready.listening(endpoint)));

        LineClient client = processes.lineClient(endpoint);
        client.send("hello");
        assertThat(client.receive()).isEqualTo("hello");
        if (endpoint.transport() == Transport.UNIX) {
            SOCKETS.add(endpoint.path());
            assertThat(endpoint.address()).isEqualTo("unix://" + endpoint.path());
            assertThat(endpoint.path().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(107);
            assertThat(Files.exists(endpoint.path())).as("the server's socket file").isTrue();
            assertThatThrownBy(endpoint::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("has no port: use path()");
            assertThatThrownBy(() -> processes.socket(SocketType.REQ).connect(endpoint)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JeroMQ has no Unix domain sockets");
            assertThatThrownBy(() -> Stop.bySending(endpoint, SocketType.REQ, "bye")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ProcessTest
    @Transports(Transport.UNIX)
    void aServerThatNeverAcceptsFailsTheConnectInTimeInsteadOfHanging(Processes processes) throws Exception {
        Endpoint endpoint = processes.endpoint("stuck");
        try (java.nio.channels.ServerSocketChannel stuck = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stuck.bind(java.net.UnixDomainSocketAddress.of(endpoint.path()), 1); // accepts nothing: its backlog fills
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10; i++) {
                    processes.lineClient(endpoint);
                }
            }).isInstanceOf(dev.proctest.TestSocketException.class).hasMessageContaining("cannot connect to " + endpoint);
        }
    }

    @ProcessTest
    @Transports(Transport.UNIX)
    void aNameTooLongForASocketPathFailsBeforeAnyChildStarts(Processes processes) {
        assertThatThrownBy(() -> processes.endpoint("x".repeat(120))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes long; the system allows at most 107");
    }
}

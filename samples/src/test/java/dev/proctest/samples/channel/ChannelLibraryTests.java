package dev.proctest.samples.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.UnitTest;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The channel library alone, its server and client in the test JVM: addresses, a reply, a failure. */
class ChannelLibraryTests {

    @UnitTest
    void addresses_are_tcp_or_unix() {
        assertThat(Frames.address("tcp://127.0.0.1:5555")).isEqualTo(new InetSocketAddress("127.0.0.1", 5555));
        assertThat(Frames.address("unix:///tmp/greeter")).isEqualTo(UnixDomainSocketAddress.of("/tmp/greeter"));
        assertThatThrownBy(() -> Frames.address("ipc:///tmp/greeter")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://host:port or unix:///path");
    }

    @UnitTest
    void a_server_in_this_jvm_replies_and_fails_as_its_handler_does() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String address = "tcp://127.0.0.1:" + port;
        try (ChannelServer server = ChannelServer.start(address, request -> {
            if (request instanceof Integer) {
                throw new IllegalStateException("numbers are not greetings");
            }
            return new Greeter().handle(request);
        }); Channel channel = Channel.open(address)) {
            assertThat(channel.request("ohai", Duration.ofSeconds(5))).isEqualTo("cya");
            assertThat(server.inProgress()).as("nothing left being answered").isZero();
            assertThatThrownBy(() -> channel.request(7, Duration.ofSeconds(5))).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("numbers are not greetings");
        }
    }

    @UnitTest
    void a_unix_server_removes_its_socket_when_closed() throws Exception {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "channel-");
        Path socket = directory.resolve("greeter");
        try (ChannelServer server = ChannelServer.start("unix://" + socket, new Greeter())) {
            assertThat(socket).exists();
            assertThat(server.inProgress()).isZero();
        } finally {
            assertThat(socket).doesNotExist();
            Files.deleteIfExists(directory);
        }
    }
}

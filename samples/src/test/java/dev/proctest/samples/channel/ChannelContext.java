package dev.proctest.samples.channel;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RemoteAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The channel tests' fixture, the Java way: the channel server in a child JVM of the test, on the
 * endpoint of the test's transport, answering with the handler the test gives; the test's scope
 * stops it whatever the test's outcome, and its endpoint (a port, a Unix socket in a private
 * directory) goes with it.
 *
 * @param server the child that runs the server
 * @param channel a client's channel to it, which the test closes
 */
record ChannelContext(ChildProcess server, Channel channel) implements AutoCloseable {

    /**
     * Starts the server with {@code handler} and connects to it. The handler runs in the test JVM,
     * with the test's state at hand: the server's {@link Greeter} is a mock whose {@code handle}
     * answers what the handler returns, or throws what it throws.
     */
    static ChannelContext serveAndConnect(Processes processes, RemoteAnswer handler) {
        Endpoint endpoint = processes.endpoint("channel");
        ChildProcess server = processes.spawn(JavaChild.main(GreeterServer.class).name("greeter").args(endpoint.address())
                .mock(Greeter.class).answer(Greeter.class, "handle", handler)
                .readyWhen(Ready.listening(endpoint)));
        try {
            return new ChannelContext(server, Channel.open(endpoint.address()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

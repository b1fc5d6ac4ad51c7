package dev.proctest.samples.channel;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A channel server with a {@link Greeter}: {@code GreeterServer <address>}, an address such as
 * {@code tcp://127.0.0.1:5555} or {@code unix:///tmp/greeter}. It closes cleanly when stopped,
 * saying how many requests were still being answered.
 */
public final class GreeterServer {

    private GreeterServer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GreeterServer <tcp://host:port | unix:///path>");
            System.exit(2);
        }
        ChannelServer server = ChannelServer.start(args[0], new Greeter());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int inProgress = server.inProgress();
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("greeter closed with " + inProgress + " requests in progress");
        }, "greeter-close"));
        System.out.println("greeter listening on " + args[0]);
    }
}

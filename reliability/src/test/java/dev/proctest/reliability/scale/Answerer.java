package dev.proctest.reliability.scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The child of every scale test: binds the endpoint it is given ({@code tcp://} or {@code ipc://}
 * with a JeroMQ REP socket, {@code unix://} with a stream server of lines), answers each request
 * with {@code pong <request>} and logs {@code answered <request>} once it has.
 */
public final class Answerer {

    private static final Logger LOG = Logger.getLogger(Answerer.class.getName());

    private Answerer() {}

    /** @param args the addresses to bind: several of one REP socket, or one Unix domain socket */
    public static void main(String[] args) throws IOException {
        if (args[0].startsWith("unix://")) {
            answerLines(Path.of(args[0].substring("unix://".length())));
        } else {
            answerRequests(args);
        }
    }

    private static void answerRequests(String[] addresses) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            for (String address : addresses) {
                rep.bind(address); // a port taken by someone else fails here: "Address already in use"
            }
            while (!Thread.currentThread().isInterrupted()) {
                String request = rep.recvStr();
                rep.send("pong " + request);
                LOG.info("answered " + request);
            }
        }
    }

    private static void answerLines(Path socket) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            while (true) {
                try (SocketChannel client = server.accept();
                        BufferedReader lines = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                        OutputStream out = Channels.newOutputStream(client)) {
                    for (String request = lines.readLine(); request != null; request = lines.readLine()) {
                        out.write(("pong " + request + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        LOG.info("answered " + request);
                    }
                }
            }
        }
    }
}

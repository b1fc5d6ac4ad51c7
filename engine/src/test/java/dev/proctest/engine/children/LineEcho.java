package dev.proctest.engine.children;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/**
 * A TCP or Unix domain socket server of newline-delimited lines on one selector thread, for many clients at once: it
 * echoes every line back, except {@code bye}, on which it closes the connection, and {@code
 * twice}, which it answers with two lines.
 */
public final class LineEcho {

    private LineEcho() {}

    /** @param args a TCP port, or the path of a Unix domain socket */
    public static void main(String[] args) throws IOException {
        boolean unix = args[0].startsWith("/");
        try (Selector selector = Selector.open();
                ServerSocketChannel server = ServerSocketChannel.open(unix ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET)) {
            server.bind(unix ? UnixDomainSocketAddress.of(args[0]) : new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 4096);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            System.out.println("echoing lines on " + (unix ? args[0] : "port " + args[0]));
            int clients = 0;
            while (true) {
                selector.select();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isAcceptable()) {
                        SocketChannel client;
                        while ((client = server.accept()) != null) {
                            client.configureBlocking(false);
                            client.register(selector, SelectionKey.OP_READ, new StringBuilder());
                            if (++clients % 1000 == 0) {
                                System.out.println(clients + " clients so far");
                            }
                        }
                    } else if (key.isReadable()) {
                        serve((SocketChannel) key.channel(), (StringBuilder) key.attachment());
                    }
                }
            }
        }
    }

    /** Reads what arrived and answers each whole line. Lines are taken as ISO-8859-1, so any bytes echo unchanged. */
    private static void serve(SocketChannel client, StringBuilder pending) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        int read;
        try {
            read = client.read(buffer);
        } catch (IOException e) {
            client.close();
            return;
        }
        if (read < 0) {
            client.close();
            return;
        }
        for (int i = 0; i < read; i++) {
            pending.append((char) (buffer.get(i) & 0xff));
        }
        int end;
        while ((end = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, end);
            pending.delete(0, end + 1);
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (content.equals("bye")) {
                client.close();
                return;
            }
            String answer = content.equals("twice") ? "once\ntwice\n" : line + "\n";
            byte[] bytes = new byte[answer.length()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) answer.charAt(i);
            }
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                client.write(out); // answers are small; a client that does not read is not this server's concern
            }
        }
    }
}

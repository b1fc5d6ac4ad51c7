package dev.proctest.engine.children;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** Takes one connection at a time, reads it to its end and answers with the number of bytes it read, as 8 bytes. */
public final class ByteSink {

    private ByteSink() {}

    public static void main(String[] args) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            while (true) {
                try (SocketChannel client = server.accept()) {
                    long total = 0;
                    for (int read; (read = client.read(buffer.clear())) >= 0; ) {
                        total += read;
                    }
                    client.write(ByteBuffer.allocate(8).putLong(0, total));
                }
            }
        }
    }
}

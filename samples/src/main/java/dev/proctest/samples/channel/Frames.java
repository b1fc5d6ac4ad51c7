package dev.proctest.samples.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The channel's wire format: each message a frame of a 4-byte big-endian length and a JSON array
 * {@code [kind, id, content]}: kind 0 a request, 1 its reply, 2 its failure with the reason as
 * content. Addresses are {@code tcp://host:port} or {@code unix:///path}.
 */
final class Frames {

    static final int REQUEST = 0;
    static final int REPLY = 1;
    static final int FAILURE = 2;
    static final int MAX_FRAME = 16 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One frame: what kind, for which request, with what. */
    record Frame(int kind, long id, Object content) {}

    private Frames() {}

    /**
     * Writes {@code frame} to {@code channel}, one writer at a time. Reads and writes go to the
     * channel itself: the streams of {@code Channels.newInputStream} and {@code newOutputStream}
     * share one lock, so a read that waits would hold up every write.
     */
    static void write(SocketChannel channel, Frame frame) throws IOException {
        byte[] json = JSON.writeValueAsBytes(List.of(frame.kind(), frame.id(), frame.content() == null ? "" : frame.content()));
        ByteBuffer bytes = ByteBuffer.allocate(4 + json.length).putInt(json.length).put(json).flip();
        synchronized (channel) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** Reads the next frame from {@code channel}, from one reader; throws {@link EOFException} at the end of the stream. */
    static Frame read(SocketChannel channel) throws IOException {
        int length = readFully(channel, ByteBuffer.allocate(4)).getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes: not a channel's peer");
        }
        byte[] json = readFully(channel, ByteBuffer.allocate(length)).array();
        List<?> fields = JSON.readValue(json, List.class);
        if (fields.size() != 3 || !(fields.get(0) instanceof Integer kind) || !(fields.get(1) instanceof Number id)) {
            throw new IOException("a frame that is not [kind, id, content]: " + new String(json, StandardCharsets.UTF_8));
        }
        return new Frame(kind, id.longValue(), fields.get(2));
    }

    private static ByteBuffer readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the peer closed the channel");
            }
        }
        return buffer.flip();
    }

    /** {@code tcp://127.0.0.1:5555} or {@code unix:///tmp/x/channel}. */
    static SocketAddress address(String address) {
        URI uri = URI.create(address);
        return switch (uri.getScheme()) {
            case "tcp" -> new InetSocketAddress(uri.getHost(), uri.getPort());
            case "unix" -> UnixDomainSocketAddress.of(uri.getPath());
            default -> throw new IllegalArgumentException("A channel's address is tcp://host:port or unix:///path, was " + address);
        };
    }
}

package dev.proctest.engine.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ZMTP 3 framing as the link reads it, fed whole and byte by byte. */
class ZmtpScannerTests {

    /** What the scanner handed on: bytes as they came, and whole messages. */
    private static final class Recorded implements ZmtpScanner.Units {
        final ByteArrayOutputStream passed = new ByteArrayOutputStream();
        final List<List<String>> messages = new ArrayList<>();

        @Override
        public void bytes(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                passed.write(bytes.get());
            }
        }

        @Override
        public void message(List<byte[]> frames, byte[] wire) {
            messages.add(frames.stream().map(frame -> new String(frame, StandardCharsets.UTF_8)).toList());
            passed.writeBytes(wire);
        }
    }

    @Test
    void aZmtpStreamIsReadIntoCommandsAndWholeMessagesWhateverTheChunks() {
        byte[] stream = concat(greeting("NULL", 3), ready("DEALER"), frame(1, "head"), frame(0, ""), frame(0, "x".repeat(300)),
                frame(0, "last"));
        for (int chunk : new int[] {stream.length, 1, 7}) {
            ZmtpScanner scanner = new ZmtpScanner();
            Recorded out = new Recorded();
            for (int at = 0; at < stream.length; at += chunk) {
                scanner.feed(ByteBuffer.wrap(stream, at, Math.min(chunk, stream.length - at)), out);
            }
            assertThat(scanner.protocol()).isEqualTo(ZmtpScanner.Protocol.ZMTP);
            assertThat(scanner.socketType()).isEqualTo("DEALER");
            assertThat(out.messages).containsExactly(List.of("head", ""), List.of("x".repeat(300)), List.of("last"));
            assertThat(out.passed.toByteArray()).as("every byte handed on, in order").isEqualTo(stream);
        }
    }

    @Test
    void aSubscribersMessagesAreSubscriptionsNotMessages() {
        ZmtpScanner scanner = new ZmtpScanner();
        Recorded out = new Recorded();
        scanner.feed(ByteBuffer.wrap(concat(greeting("NULL", 3), ready("SUB"), frame(0, "\u0001topic"))), out);
        assertThat(out.messages).isEmpty();
        assertThat(out.passed.size()).isEqualTo(64 + ready("SUB").length + frame(0, "\u0001topic").length);
    }

    @Test
    void anythingElsePassesAsBytes() {
        for (byte[] stream : List.of("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), concat(greeting("CURVE", 3), frame(0, "sealed")),
                concat(greeting("NULL", 2), frame(0, "old")))) {
            ZmtpScanner scanner = new ZmtpScanner();
            Recorded out = new Recorded();
            scanner.feed(ByteBuffer.wrap(stream), out);
            assertThat(scanner.protocol()).isEqualTo(ZmtpScanner.Protocol.OTHER);
            assertThat(out.messages).isEmpty();
            assertThat(out.passed.toByteArray()).isEqualTo(stream);
        }
    }

    private static byte[] greeting(String mechanism, int major) {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = (byte) major;
        greeting[11] = 1;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, greeting, 12, name.length);
        return greeting;
    }

    private static byte[] ready(String socketType) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(5);
        body.writeBytes("READY".getBytes(StandardCharsets.US_ASCII));
        body.write(11);
        body.writeBytes("Socket-Type".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(ByteBuffer.allocate(4).putInt(socketType.length()).array());
        body.writeBytes(socketType.getBytes(StandardCharsets.US_ASCII));
        return concat(new byte[] {0x04, (byte) body.size()}, body.toByteArray());
    }

    /** A message frame, short or long as its size needs; {@code more} is 1 for a frame that others follow. */
    private static byte[] frame(int more, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (body.length < 256) {
            return concat(new byte[] {(byte) more, (byte) body.length}, body);
        }
        return concat(new byte[] {(byte) (more | 0x02)}, ByteBuffer.allocate(8).putLong(body.length).array(), body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}

package dev.proctest.engine.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what one end of a connection sends as ZMTP 3 frames it: the greeting, then commands and
 * messages, each handed on whole. What is not ZMTP 3 with the NULL mechanism (another protocol, an
 * older ZMTP, an encrypting mechanism) is handed on as it comes, as bytes. Greeting bytes are handed
 * on at once, as both ends wait for parts of the other's greeting before they send the rest.
 */
final class ZmtpScanner {

    /** What the scanner found: not yet known, ZMTP 3 with the NULL mechanism, or something else. */
    enum Protocol { UNKNOWN, ZMTP, OTHER }

    /** Where the scanner hands what it read on. */
    interface Units {

        /** Bytes that are no message: greeting, commands, subscriptions, or a protocol that is not ZMTP. */
        void bytes(ByteBuffer bytes);

        /** A whole message: its frames' bodies, and its bytes as they were on the wire. */
        void message(List<byte[]> frames, byte[] wire);
    }

    private static final int GREETING = 64;
    private static final int SIGNATURE = 10;
    private static final int MORE = 0x01;
    private static final int LONG = 0x02;
    private static final int COMMAND = 0x04;
    /** The largest frame handled whole; a larger one makes the connection's rest pass as bytes. */
    private static final long LARGEST_FRAME = 1L << 28;

    private Protocol protocol = Protocol.UNKNOWN;
    private final byte[] greeting = new byte[GREETING];
    private int greetingRead;
    private String socketType = "";
    /** The frame being read: its header, then its body. */
    private final byte[] header = new byte[9];
    private int headerRead;
    private byte[] body;
    private int bodyRead;
    /** The message being read: its frames and its bytes so far. */
    private final List<byte[]> frames = new ArrayList<>();
    private final WireBytes wire = new WireBytes();

    Protocol protocol() {
        return protocol;
    }

    /** Returns the socket type the sending end announced in its handshake ({@code REQ}, {@code SUB}...), or "". */
    String socketType() {
        return socketType;
    }

    /** Reads {@code in} to its end, handing every whole unit to {@code out}. */
    void feed(ByteBuffer in, Units out) {
        while (in.hasRemaining()) {
            switch (protocol) {
                case OTHER -> {
                    out.bytes(in);
                    return;
                }
                case UNKNOWN -> greeting(in, out);
                case ZMTP -> frame(in, out);
            }
        }
    }

    private void greeting(ByteBuffer in, Units out) {
        int start = in.position();
        int count = Math.min(in.remaining(), GREETING - greetingRead);
        in.get(greeting, greetingRead, count);
        int before = greetingRead;
        greetingRead += count;
        ByteBuffer passed = in.duplicate().position(start).limit(start + count);
        out.bytes(passed);
        if (before == 0 && (greeting[0] & 0xFF) != 0xFF
                || before < SIGNATURE && greetingRead >= SIGNATURE && greeting[SIGNATURE - 1] != 0x7F
                || before <= SIGNATURE && greetingRead > SIGNATURE && greeting[SIGNATURE] < 3) {
            protocol = Protocol.OTHER;
        } else if (greetingRead == GREETING) {
            String mechanism = new String(greeting, 12, 20, StandardCharsets.US_ASCII).replace("\0", "");
            protocol = mechanism.equals("NULL") ? Protocol.ZMTP : Protocol.OTHER;
        }
    }

    private void frame(ByteBuffer in, Units out) {
        if (body == null) {
            while (in.hasRemaining() && (headerRead == 0 || headerRead < headerLength())) {
                header[headerRead++] = in.get();
            }
            if (headerRead == 0 || headerRead < headerLength()) {
                return;
            }
            long size = size();
            if (size < 0 || size > LARGEST_FRAME) { // handed on as bytes from here on, with what was held
                protocol = Protocol.OTHER;
                wire.write(header, 0, headerRead);
                out.bytes(ByteBuffer.wrap(wire.take()));
                frames.clear();
                return;
            }
            body = new byte[(int) size];
            bodyRead = 0;
        }
        int count = Math.min(in.remaining(), body.length - bodyRead);
        in.get(body, bodyRead, count);
        bodyRead += count;
        if (bodyRead == body.length) {
            frameRead(out);
        }
    }

    private void frameRead(Units out) {
        int flags = header[0];
        wire.write(header, 0, headerRead);
        wire.write(body, 0, body.length);
        byte[] frame = body;
        body = null;
        headerRead = 0;
        if ((flags & COMMAND) != 0) {
            readCommand(frame);
            out.bytes(ByteBuffer.wrap(wire.take()));
            return;
        }
        frames.add(frame);
        if ((flags & MORE) == 0) {
            byte[] bytes = wire.take();
            List<byte[]> message = List.copyOf(frames);
            frames.clear();
            if (socketType.equals("SUB") || socketType.equals("XSUB")) {
                out.bytes(ByteBuffer.wrap(bytes)); // subscriptions, as ZMTP 3.0 sends them
            } else {
                out.message(message, bytes);
            }
        }
    }

    private int headerLength() {
        return (header[0] & LONG) != 0 ? 9 : 2;
    }

    private long size() {
        if ((header[0] & LONG) == 0) {
            return header[1] & 0xFF;
        }
        return ByteBuffer.wrap(header, 1, 8).getLong();
    }

    /** Reads the socket type from a {@code READY} command: name length, name, then properties. */
    private void readCommand(byte[] command) {
        if (command.length == 0 || command.length < 1 + (command[0] & 0xFF)) {
            return;
        }
        int nameLength = command[0] & 0xFF;
        if (!new String(command, 1, nameLength, StandardCharsets.US_ASCII).equals("READY")) {
            return;
        }
        ByteBuffer properties = ByteBuffer.wrap(command, 1 + nameLength, command.length - 1 - nameLength);
        while (properties.remaining() > 1) {
            byte[] name = new byte[properties.get() & 0xFF];
            if (properties.remaining() < name.length + 4) {
                return;
            }
            properties.get(name);
            int valueLength = properties.getInt();
            if (valueLength < 0 || valueLength > properties.remaining()) {
                return;
            }
            byte[] value = new byte[valueLength];
            properties.get(value);
            if (new String(name, StandardCharsets.US_ASCII).equalsIgnoreCase("Socket-Type")) {
                socketType = new String(value, StandardCharsets.US_ASCII);
            }
        }
    }

    /** A growing byte array for what a unit was on the wire. */
    private static final class WireBytes {
        private byte[] bytes = new byte[256];
        private int size;

        void write(byte[] from, int offset, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, size);
            size = 0;
            if (bytes.length > 1 << 16) {
                bytes = new byte[256];
            }
            return taken;
        }
    }
}

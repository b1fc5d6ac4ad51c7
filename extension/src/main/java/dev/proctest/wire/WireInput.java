package dev.proctest.wire;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataOutputStream} wrote into a byte array, believing no length it
 * reads beyond the bytes that are left: a corrupt or hostile length fails the decoding rather than
 * allocating gigabytes.
 */
final class WireInput extends DataInputStream {

    private final String what;

    /** @param what what the bytes are, for messages: "plan", "call record" */
    WireInput(byte[] bytes, String what) {
        super(new ByteArrayInputStream(bytes));
        this.what = what;
    }

    /** Reads a count of items that each take at least one byte. */
    int readCount() throws IOException {
        int count = readInt();
        if (count < 0 || count > available()) {
            throw new MalformedMessage("Malformed " + what + ": a count of " + count + " with " + available() + " bytes left");
        }
        return count;
    }

    /** Reads {@code count} bytes. */
    byte[] readBytes(int count) throws IOException {
        if (count < 0 || count > available()) {
            throw new MalformedMessage("Malformed " + what + ": " + count + " bytes asked for, " + available() + " left");
        }
        byte[] bytes = new byte[count];
        readFully(bytes);
        return bytes;
    }

    /** Reads a UTF-8 string preceded by its length in bytes, as an int. */
    String readString() throws IOException {
        return new String(readBytes(readInt()), StandardCharsets.UTF_8);
    }

    /** Fails unless every byte was read. */
    void end() throws IOException {
        if (available() > 0) {
            throw new MalformedMessage("Malformed " + what + ": " + available() + " bytes left over");
        }
    }

    /** The error for bytes that ended too soon or read as nonsense. */
    MalformedMessage malformed(Exception cause) {
        return cause instanceof MalformedMessage malformed ? malformed
                : new MalformedMessage("Malformed " + what + ": " + cause, cause);
    }
}

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A growing buffer that records are encoded into, big-endian as {@code DataOutputStream} writes:
 * unsynchronized, since its one writer holds the sink's lock, and it writes ASCII text without an
 * intermediate array. Children encode every log record through it.
 */
@API(status = INTERNAL, since = "0.1")
public final class BatchWriter {

    private byte[] bytes = new byte[16 << 10];
    private int size;

    public int size() {
        return size;
    }

    /** Returns the bytes written and starts again empty. */
    public byte[] take() {
        byte[] taken = Arrays.copyOf(bytes, size);
        size = 0;
        return taken;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** Writes a length and then {@code length} bytes. */
    public void writeBytes(byte[] source, int offset, int length) {
        writeInt(length);
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Writes a length and then the text as UTF-8. */
    void writeText(String text) {
        int length = text.length();
        ensure(4 + length);
        int start = size + 4;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // not ASCII: let the JDK encode it
                writeBytes(utf8, 0, utf8.length);
                return;
            }
            bytes[start + i] = (byte) c;
        }
        writeInt(length);
        size += length;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

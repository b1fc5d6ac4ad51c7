package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Encodes log records into batches and back. Logger and thread names recur in nearly every
 * record, so each channel sends a name once and a number after that: the encoder and the decoder
 * of one channel keep the same table, which the channel's order keeps in step.
 */
@API(status = INTERNAL, since = "0.1")
public final class RecordCodec {

    private static final int NULL = -1;

    private final Map<String, Integer> encodeTable = new HashMap<>();
    private final List<String> decodeTable = new ArrayList<>();

    /** Appends {@code record} to a batch being written to {@code out}. */
    public void encode(WireRecord record, DataOutputStream out) {
        try {
            out.writeLong(record.sequence());
            out.writeLong(record.epochNanos());
            out.writeByte(record.kind().ordinal());
            writeName(out, record.thread());
            if (record.kind() == WireRecord.Kind.EVENT) {
                out.writeByte(record.level());
                writeName(out, record.logger());
                writeText(out, record.message());
                out.writeBoolean(record.hasThrowable());
                if (record.hasThrowable()) {
                    writeText(out, record.throwableType());
                    writeText(out, record.throwableMessage());
                    writeText(out, record.stackTrace());
                }
                out.writeInt(record.echoes().size());
                for (WireRecord.Echo echo : record.echoes()) {
                    out.writeBoolean(echo.toStderr());
                    writeText(out, echo.text());
                }
            } else {
                writeText(out, record.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes every record of a batch, in order. */
    public List<WireRecord> decode(byte[] batch) {
        List<WireRecord> records = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(batch))) {
            while (in.available() > 0) {
                records.add(decodeOne(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed batch of log records", e);
        }
        return records;
    }

    /** Starts a batch. */
    public static ByteArrayOutputStream newBatch() {
        return new ByteArrayOutputStream(8192);
    }

    private WireRecord decodeOne(DataInputStream in) throws IOException {
        long sequence = in.readLong();
        long epochNanos = in.readLong();
        WireRecord.Kind kind = WireRecord.Kind.values()[in.readByte()];
        String thread = readName(in);
        if (kind != WireRecord.Kind.EVENT) {
            String logger = kind == WireRecord.Kind.STDOUT ? "stdout" : "stderr";
            int level = kind == WireRecord.Kind.STDOUT ? 2 : 3; // INFO, WARN
            return new WireRecord(sequence, epochNanos, kind, level, logger, thread, readText(in), null, null, null, List.of());
        }
        int level = in.readByte();
        String logger = readName(in);
        String message = readText(in);
        String throwableType = null;
        String throwableMessage = null;
        String stackTrace = null;
        if (in.readBoolean()) {
            throwableType = readText(in);
            throwableMessage = readText(in);
            stackTrace = readText(in);
        }
        int echoCount = in.readInt();
        List<WireRecord.Echo> echoes = new ArrayList<>(echoCount);
        for (int i = 0; i < echoCount; i++) {
            echoes.add(new WireRecord.Echo(in.readBoolean(), readText(in)));
        }
        return new WireRecord(sequence, epochNanos, kind, level, logger, thread, message, throwableType, throwableMessage,
                stackTrace, echoes);
    }

    private void writeName(DataOutputStream out, String name) throws IOException {
        Integer known = encodeTable.get(name);
        if (known != null) {
            out.writeInt(known);
            return;
        }
        int id = encodeTable.size();
        encodeTable.put(name, id);
        out.writeInt(id);
        writeText(out, name);
    }

    private String readName(DataInputStream in) throws IOException {
        int id = in.readInt();
        if (id == decodeTable.size()) {
            decodeTable.add(readText(in));
        }
        return decodeTable.get(id);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}

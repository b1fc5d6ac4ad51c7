package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.ByteBuffer;
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

    private static final WireRecord.Kind[] KINDS = WireRecord.Kind.values();

    private final Map<String, Integer> encodeTable = new HashMap<>();
    private final NameCache lastThread = new NameCache();
    private final NameCache lastLogger = new NameCache();
    private final List<String> decodeTable = new ArrayList<>();

    /** The last name written in one place of a record, and its number: the same thread and logger log many records in a row. */
    private static final class NameCache {
        String name;
        int id;
    }

    /**
     * Appends a line of stdout or stderr, given as the bytes the child wrote, to a batch.
     *
     * @param line the runtime's number for the line on its stream ({@link WireRecord.Echo#line})
     */
    public void encodeLine(BatchWriter out, long sequence, long epochNanos, boolean stderr, String thread, long line, byte[] text,
            int offset, int length) {
        out.writeLong(sequence);
        out.writeLong(epochNanos);
        out.writeByte((stderr ? WireRecord.Kind.STDERR : WireRecord.Kind.STDOUT).ordinal());
        writeName(out, thread, lastThread);
        out.writeLong(line);
        out.writeBytes(text, offset, length);
    }

    /** Appends an event of a logging framework to a batch. */
    public void encodeEvent(BatchWriter out, long sequence, long epochNanos, int level, String logger, String thread, String message,
            String throwableType, String throwableMessage, String stackTrace, List<WireRecord.Echo> echoes) {
        out.writeLong(sequence);
        out.writeLong(epochNanos);
        out.writeByte(WireRecord.Kind.EVENT.ordinal());
        writeName(out, thread, lastThread);
        out.writeByte(level);
        writeName(out, logger, lastLogger);
        writeText(out, message);
        out.writeByte(throwableType == null ? 0 : 1);
        if (throwableType != null) {
            writeText(out, throwableType);
            writeText(out, throwableMessage);
            writeText(out, stackTrace);
        }
        out.writeInt(echoes.size());
        for (WireRecord.Echo echo : echoes) {
            out.writeByte(echo.toStderr() ? 1 : 0);
            out.writeLong(echo.line());
            writeText(out, echo.text());
        }
    }

    /**
     * Decodes every record of a batch, in order.
     *
     * @throws MalformedMessage for bytes that are not such a batch
     */
    public List<WireRecord> decode(byte[] batch) {
        List<WireRecord> records = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(batch);
        try {
            while (in.hasRemaining()) {
                records.add(decodeOne(in));
            }
        } catch (RuntimeException e) { // an underflow, an index out of bounds: what corrupt bytes give
            throw new MalformedMessage("Malformed batch of log records: " + e, e);
        }
        return records;
    }

    private WireRecord decodeOne(ByteBuffer in) {
        long sequence = in.getLong();
        long epochNanos = in.getLong();
        WireRecord.Kind kind = KINDS[in.get()];
        String thread = readName(in);
        if (kind != WireRecord.Kind.EVENT) {
            String logger = kind == WireRecord.Kind.STDOUT ? "stdout" : "stderr";
            int level = kind == WireRecord.Kind.STDOUT ? WireRecord.LEVEL_INFO : WireRecord.LEVEL_WARN;
            long line = in.getLong();
            return new WireRecord(sequence, epochNanos, kind, level, logger, thread, readText(in), null, null, null, line, List.of());
        }
        int level = in.get();
        if (level < WireRecord.LEVEL_TRACE || level > WireRecord.LEVEL_ERROR) {
            throw new IndexOutOfBoundsException("no level " + level);
        }
        String logger = readName(in);
        String message = readText(in);
        String throwableType = null;
        String throwableMessage = null;
        String stackTrace = null;
        if (in.get() != 0) {
            throwableType = readText(in);
            throwableMessage = readText(in);
            stackTrace = readText(in);
        }
        int echoCount = in.getInt();
        if (echoCount < 0 || echoCount > in.remaining()) {
            throw new IndexOutOfBoundsException("a count of " + echoCount + " echoes with " + in.remaining() + " bytes left");
        }
        List<WireRecord.Echo> echoes = new ArrayList<>(echoCount);
        for (int i = 0; i < echoCount; i++) {
            echoes.add(new WireRecord.Echo(in.get() != 0, in.getLong(), readText(in)));
        }
        return new WireRecord(sequence, epochNanos, kind, level, logger, thread, message, throwableType, throwableMessage,
                stackTrace, -1, echoes);
    }

    private void writeName(BatchWriter out, String name, NameCache last) {
        if (name == last.name) {
            out.writeInt(last.id);
            return;
        }
        Integer known = encodeTable.get(name);
        int id;
        if (known != null) {
            id = known;
            out.writeInt(id);
        } else {
            id = encodeTable.size();
            encodeTable.put(name, id);
            out.writeInt(id);
            out.writeText(name);
        }
        last.name = name;
        last.id = id;
    }

    private String readName(ByteBuffer in) {
        int id = in.getInt();
        if (id == decodeTable.size()) {
            decodeTable.add(readText(in));
        }
        return decodeTable.get(id);
    }

    private static void writeText(BatchWriter out, String text) {
        if (text == null) {
            out.writeInt(NULL);
        } else {
            out.writeText(text);
        }
    }

    /** Reads a string straight from the batch's bytes, with no copy on the way. */
    private static String readText(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One recorded call on the wire. Arguments and results are encoded by kind: strings and boxed
 * numbers directly, which is most of them and cheap; anything else by Java serialization; what
 * does not serialize by its class and {@code toString()}. The test JVM decodes values lazily.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallCodec {

    /** What was called. */
    public enum Kind { METHOD, CONSTRUCTION, STATIC }

    /** How the call ended. */
    public enum Outcome { NOTHING, VALUE, THROWN }

    /** An encoded argument or result: {@link #bytes} to decode, or the text of one that did not serialize. */
    public record Value(byte tag, byte[] bytes, String className, String text) {

        public static final byte NULL = 0;
        public static final byte STRING = 1;
        public static final byte INTEGER = 2;
        public static final byte LONG = 3;
        public static final byte BOOLEAN = 4;
        public static final byte DOUBLE = 5;
        public static final byte SERIALIZED = 6;
        public static final byte UNSERIALIZABLE = 7;
    }

    /** A decoded call, its values still encoded. */
    public record Call(long sequence, long epochSecond, int nano, String thread, String type, String method, String descriptor,
            String instance, Kind kind, List<Value> arguments, Outcome outcome, Value result, String thrownType,
            String thrownMessage, String thrownStackTrace) {}

    private CallCodec() {}

    public static byte[] encode(long sequence, long epochSecond, int nano, String thread, String type, String method, String descriptor,
            String instance, Kind kind, Object[] arguments, Outcome outcome, Object result, Throwable thrown) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(sequence);
            out.writeLong(epochSecond);
            out.writeInt(nano);
            out.writeUTF(thread);
            out.writeUTF(type);
            out.writeUTF(method);
            out.writeUTF(descriptor);
            out.writeUTF(instance);
            out.writeByte(kind.ordinal());
            out.writeInt(arguments.length);
            for (Object argument : arguments) {
                writeValue(out, argument);
            }
            out.writeByte(outcome.ordinal());
            if (outcome == Outcome.VALUE) {
                writeValue(out, result);
            } else if (outcome == Outcome.THROWN) {
                out.writeUTF(thrown.getClass().getName());
                writeLong(out, String.valueOf(thrown.getMessage()));
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                writeLong(out, trace.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the calls of a batch, as {@link BatchWriter#writeBytes} lays them out: each preceded by
     * its length.
     *
     * @throws MalformedMessage for bytes that are not such a batch
     */
    public static List<Call> decodeBatch(byte[] batch) {
        WireInput in = new WireInput(batch, "batch of calls");
        List<Call> calls = new ArrayList<>();
        try (in) {
            while (in.available() > 0) {
                calls.add(decode(in.readBytes(in.readInt())));
            }
        } catch (IOException | RuntimeException e) {
            throw in.malformed(e);
        }
        return calls;
    }

    /**
     * Returns the call {@code encoded} holds.
     *
     * @throws MalformedMessage for bytes that are not a call
     */
    public static Call decode(byte[] encoded) {
        WireInput in = new WireInput(encoded, "call record");
        try (in) {
            long sequence = in.readLong();
            long epochSecond = in.readLong();
            int nano = in.readInt();
            String thread = in.readUTF();
            String type = in.readUTF();
            String method = in.readUTF();
            String descriptor = in.readUTF();
            String instance = in.readUTF();
            Kind kind = Kind.values()[in.readByte()];
            int count = in.readCount();
            List<Value> arguments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                arguments.add(readValue(in));
            }
            Outcome outcome = Outcome.values()[in.readByte()];
            Value result = outcome == Outcome.VALUE ? readValue(in) : null;
            String thrownType = null;
            String thrownMessage = null;
            String thrownTrace = null;
            if (outcome == Outcome.THROWN) {
                thrownType = in.readUTF();
                thrownMessage = in.readString();
                thrownTrace = in.readString();
            }
            in.end();
            return new Call(sequence, epochSecond, nano, thread, type, method, descriptor, instance, kind, List.copyOf(arguments), outcome,
                    result, thrownType, thrownMessage, thrownTrace);
        } catch (IOException | RuntimeException e) {
            throw in.malformed(e);
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(Value.NULL);
        } else if (value instanceof String text) {
            out.writeByte(Value.STRING);
            writeLong(out, text);
        } else if (value instanceof Integer number) {
            out.writeByte(Value.INTEGER);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(Value.LONG);
            out.writeLong(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(Value.BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Double number) {
            out.writeByte(Value.DOUBLE);
            out.writeDouble(number);
        } else {
            byte[] serialized = serialize(value);
            if (serialized != null) {
                out.writeByte(Value.SERIALIZED);
                out.writeInt(serialized.length);
                out.write(serialized);
            } else {
                out.writeByte(Value.UNSERIALIZABLE);
                out.writeUTF(value.getClass().getName());
                writeLong(out, safeToString(value));
            }
        }
    }

    private static Value readValue(WireInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case Value.NULL -> new Value(tag, null, null, null);
            case Value.STRING -> new Value(tag, in.readBytes(in.readInt()), null, null);
            case Value.INTEGER -> new Value(tag, in.readBytes(4), null, null);
            case Value.LONG, Value.DOUBLE -> new Value(tag, in.readBytes(8), null, null);
            case Value.BOOLEAN -> new Value(tag, in.readBytes(1), null, null);
            case Value.SERIALIZED -> new Value(tag, in.readBytes(in.readInt()), null, null);
            case Value.UNSERIALIZABLE -> new Value(tag, null, in.readUTF(), in.readString());
            default -> throw new MalformedMessage("Malformed call record: an unknown value tag " + tag);
        };
    }

    private static byte[] serialize(Object value) {
        try {
            return Serialization.write(value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (whose toString threw " + e + ")";
        }
    }

    // writeUTF is limited to 64 KiB
    private static void writeLong(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

}

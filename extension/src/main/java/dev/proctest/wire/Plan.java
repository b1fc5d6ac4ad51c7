package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a child JVM runs: its name, main class and arguments, the system properties to set before
 * {@code main}, how long it may go without hearing from the hub, which types' calls it records, and
 * how its time runs.
 *
 * <p>Encoded with {@link DataOutputStream} rather than a serialization library: every child decodes
 * one plan at start-up, and this keeps that cheap.
 */
@API(status = INTERNAL, since = "0.1")
public record Plan(
        String childName,
        String mainClass,
        List<String> args,
        Map<String, String> systemProperties,
        Duration heartbeatTimeout,
        List<CallRule> callRules,
        TimePlan time) {

    public Plan {
        args = List.copyOf(args);
        systemProperties = Map.copyOf(systemProperties);
        callRules = List.copyOf(callRules);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, childName);
            writeString(out, mainClass);
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.writeInt(systemProperties.size());
            for (Map.Entry<String, String> property : systemProperties.entrySet()) {
                writeString(out, property.getKey());
                writeString(out, property.getValue());
            }
            out.writeLong(heartbeatTimeout.toMillis());
            out.writeInt(callRules.size());
            for (CallRule rule : callRules) {
                writeString(out, rule.type());
                writeString(out, rule.mode().name());
                out.writeInt(rule.stubs().size());
                for (Map.Entry<String, byte[]> stub : rule.stubs().entrySet()) {
                    writeString(out, stub.getKey());
                    out.writeInt(stub.getValue().length);
                    out.write(stub.getValue());
                }
                out.writeInt(rule.answered().size());
                for (String method : rule.answered()) {
                    writeString(out, method);
                }
                out.writeBoolean(rule.mocksStatics());
            }
            out.writeDouble(time.factor());
            out.writeLong(time.startEpochNanos());
            out.writeInt(time.packages().size());
            for (String name : time.packages()) {
                writeString(out, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Plan decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            String childName = readString(in);
            String mainClass = readString(in);
            int argCount = in.readInt();
            List<String> args = new ArrayList<>(argCount);
            for (int i = 0; i < argCount; i++) {
                args.add(readString(in));
            }
            int propertyCount = in.readInt();
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = 0; i < propertyCount; i++) {
                properties.put(readString(in), readString(in));
            }
            Duration heartbeatTimeout = Duration.ofMillis(in.readLong());
            int ruleCount = in.readInt();
            List<CallRule> rules = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                String type = readString(in);
                CallRule.Mode mode = CallRule.Mode.valueOf(readString(in));
                int stubCount = in.readInt();
                Map<String, byte[]> stubs = new LinkedHashMap<>();
                for (int j = 0; j < stubCount; j++) {
                    String method = readString(in);
                    byte[] value = new byte[in.readInt()];
                    in.readFully(value);
                    stubs.put(method, value);
                }
                int answeredCount = in.readInt();
                Set<String> answered = new LinkedHashSet<>();
                for (int j = 0; j < answeredCount; j++) {
                    answered.add(readString(in));
                }
                rules.add(new CallRule(type, mode, stubs, answered, in.readBoolean()));
            }
            double factor = in.readDouble();
            long start = in.readLong();
            int packageCount = in.readInt();
            List<String> packages = new ArrayList<>(packageCount);
            for (int i = 0; i < packageCount; i++) {
                packages.add(readString(in));
            }
            return new Plan(childName, mainClass, args, properties, heartbeatTimeout, rules, new TimePlan(factor, start, packages));
        } catch (IOException e) {
            throw new UncheckedIOException("Malformed plan", e);
        }
    }

    // writeUTF is limited to 64 KiB; an argument may be longer.
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
public record ChildPlan(
        String childName,
        String mainClass,
        List<String> args,
        Map<String, String> systemProperties,
        Duration heartbeatTimeout,
        List<CallRule> callRules,
        TimePlan time) {

    public ChildPlan {
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
            out.writeBoolean(time.shiftable());
            out.writeLong(time.offsetNanos());
            out.writeInt(time.packages().size());
            for (String name : time.packages()) {
                writeString(out, name);
            }
            out.writeLong(time.graceNanos());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the plan {@code encoded} holds.
     *
     * @throws MalformedMessage for bytes that are not a plan
     */
    public static ChildPlan decode(byte[] encoded) {
        WireInput in = new WireInput(encoded, "plan");
        try (in) {
            String childName = in.readString();
            String mainClass = in.readString();
            int argCount = in.readCount();
            List<String> args = new ArrayList<>(argCount);
            for (int i = 0; i < argCount; i++) {
                args.add(in.readString());
            }
            int propertyCount = in.readCount();
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = 0; i < propertyCount; i++) {
                properties.put(in.readString(), in.readString());
            }
            Duration heartbeatTimeout = Duration.ofMillis(in.readLong());
            int ruleCount = in.readCount();
            List<CallRule> rules = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                String type = in.readString();
                CallRule.Mode mode = CallRule.Mode.valueOf(in.readString());
                int stubCount = in.readCount();
                Map<String, byte[]> stubs = new LinkedHashMap<>();
                for (int j = 0; j < stubCount; j++) {
                    String method = in.readString();
                    stubs.put(method, in.readBytes(in.readInt()));
                }
                int answeredCount = in.readCount();
                Set<String> answered = new LinkedHashSet<>();
                for (int j = 0; j < answeredCount; j++) {
                    answered.add(in.readString());
                }
                rules.add(new CallRule(type, mode, stubs, answered, in.readBoolean()));
            }
            double factor = in.readDouble();
            long start = in.readLong();
            boolean shiftable = in.readBoolean();
            long offset = in.readLong();
            int packageCount = in.readCount();
            List<String> packages = new ArrayList<>(packageCount);
            for (int i = 0; i < packageCount; i++) {
                packages.add(in.readString());
            }
            long grace = in.readLong();
            in.end();
            return new ChildPlan(childName, mainClass, args, properties, heartbeatTimeout, rules, new TimePlan(factor, start, shiftable, offset,
                    packages, grace));
        } catch (IOException | RuntimeException e) {
            throw in.malformed(e);
        }
    }

    // writeUTF is limited to 64 KiB; an argument may be longer.
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

}

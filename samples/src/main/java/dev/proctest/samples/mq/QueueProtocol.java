package dev.proctest.samples.mq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The queue's wire protocol: one JSON object per line, each a command, answered with {@code
 * {"success":true}} or {@code {"success":false,"reason":...}}. See the package's documentation for
 * every command and field.
 */
public final class QueueProtocol {

    public static final String NOT_UTF8 = "Could not decode input as UTF-8";
    public static final String MALFORMED = "Malformed json message";
    public static final String UNKNOWN_COMMAND = "Unknown command";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> SUBSCRIBE_REQUIRED = Set.of("command", "topic");
    private static final Set<String> SUBSCRIBE_OPTIONAL = Set.of("last_seen", "cache");
    private static final Set<String> UNSUBSCRIBE = Set.of("command", "topic");
    private static final Set<String> SEND = Set.of("command", "topic", "msg", "delivery");

    /** What a line asks for. */
    public sealed interface Request {}

    /** Subscribe to {@code topic}; receive its cached messages after {@code lastSeen} if {@code cache}. */
    public record Subscribe(String topic, BigInteger lastSeen, boolean cache) implements Request {}

    public record Unsubscribe(String topic) implements Request {}

    /** Send {@code msg} to every subscriber of {@code topic}, or to one of them. */
    public record Send(String topic, String msg, boolean toAll) implements Request {}

    /** A line that asks for nothing the queue does: the reply says why. */
    public record Invalid(String reason) implements Request {}

    private QueueProtocol() {}

    /** Reads one line, without its line ending. */
    public static Request parse(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return new Invalid(NOT_UTF8);
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid(MALFORMED);
        }
        if (json == null || !json.isObject() || !json.path("command").isTextual()) {
            return new Invalid(MALFORMED);
        }
        return switch (json.get("command").asText()) {
            case "subscribe" -> subscribe(json);
            case "unsubscribe" -> has(json, UNSUBSCRIBE, Set.of()) && json.get("topic").isTextual()
                    ? new Unsubscribe(json.get("topic").asText()) : new Invalid(MALFORMED);
            case "send" -> send(json);
            default -> new Invalid(UNKNOWN_COMMAND);
        };
    }

    /** {@code {"success":true}}. */
    public static String success() {
        return "{\"success\":true}";
    }

    /** {@code {"success":false,"reason":...}}. */
    public static String failure(String reason) {
        ObjectNode reply = JSON.createObjectNode().put("success", false).put("reason", reason);
        return reply.toString();
    }

    /** A message as subscribers receive it. */
    public static String delivered(String topic, String msg, long index, boolean toAll) {
        ObjectNode message = JSON.createObjectNode().put("command", "send").put("topic", topic).put("msg", msg).put("index", index)
                .put("delivery", toAll ? "all" : "one");
        return message.toString();
    }

    private static Request subscribe(JsonNode json) {
        if (!has(json, SUBSCRIBE_REQUIRED, SUBSCRIBE_OPTIONAL) || !json.get("topic").isTextual()) {
            return new Invalid(MALFORMED);
        }
        JsonNode lastSeen = json.get("last_seen");
        JsonNode cache = json.get("cache");
        if (lastSeen != null && !lastSeen.isIntegralNumber() || cache != null && !cache.isBoolean()) {
            return new Invalid(MALFORMED);
        }
        return new Subscribe(json.get("topic").asText(), lastSeen == null ? null : lastSeen.bigIntegerValue(),
                cache == null || cache.asBoolean());
    }

    private static Request send(JsonNode json) {
        if (!has(json, SEND, Set.of()) || !json.get("topic").isTextual() || !json.get("msg").isTextual()) {
            return new Invalid(MALFORMED);
        }
        String delivery = json.get("delivery").isTextual() ? json.get("delivery").asText() : "";
        if (!delivery.equals("all") && !delivery.equals("one")) {
            return new Invalid(MALFORMED);
        }
        return new Send(json.get("topic").asText(), json.get("msg").asText(), delivery.equals("all"));
    }

    /** Whether {@code json} has every required key and no key but those and the optional ones. */
    private static boolean has(JsonNode json, Set<String> required, Set<String> optional) {
        int found = 0;
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String key = field.getKey();
            if (required.contains(key)) {
                found++;
            } else if (!optional.contains(key)) {
                return false;
            }
        }
        return found == required.size();
    }
}

package dev.proctest.engine.sockets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.TestSocketException;
import java.io.IOException;
import java.lang.reflect.Type;

/** JSON for test sockets and line clients, with errors that name the socket and show the bytes. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static byte[] write(Object body, String party) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new TestSocketException(party + " cannot write " + body.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(byte[] bytes, String where) {
        return read(bytes, MAPPER.constructType(JsonNode.class), where);
    }

    static <T> T read(byte[] bytes, Class<T> type, String where) {
        return read(bytes, MAPPER.constructType(type), where);
    }

    static <T> T read(byte[] bytes, TypeReference<T> type, String where) {
        return read(bytes, MAPPER.constructType(type), where);
    }

    /** @param where what the bytes are, for the message: "REQ#1 (connected to ...) received" */
    private static <T> T read(byte[] bytes, JavaType type, String where) {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null && type.getRawClass() == JsonNode.class) { // empty input
                throw new TestSocketException(where + " an empty frame where JSON was expected");
            }
            return value;
        } catch (IOException e) {
            String original = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new TestSocketException(where + " " + Frames.render(bytes) + ", which does not read as JSON"
                    + (isTree(type) ? "" : " into " + type.getTypeName()) + ": " + original, e);
        }
    }

    private static boolean isTree(Type type) {
        return type instanceof JavaType javaType && JsonNode.class.isAssignableFrom(javaType.getRawClass());
    }
}

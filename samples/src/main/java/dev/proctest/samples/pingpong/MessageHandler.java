package dev.proctest.samples.pingpong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;

/**
 * The base of message handlers: the frame at the JSON index holds {@code [msg_type, data]}, and
 * the handler method of that name is called with the data. Names starting with {@code _} are not
 * handlers.
 */
public abstract class MessageHandler implements Consumer<List<byte[]>> {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int jsonIndex;

    protected MessageHandler() {
        this(-1);
    }

    /** @param jsonIndex the frame that holds the JSON message, from the end when negative */
    protected MessageHandler(int jsonIndex) {
        this.jsonIndex = jsonIndex;
    }

    @Override
    public void accept(List<byte[]> message) {
        JsonNode json;
        try {
            json = JSON.readTree(message.get(jsonIndex < 0 ? message.size() + jsonIndex : jsonIndex));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON message: " + e.getMessage(), e);
        }
        if (!json.isArray() || json.size() != 2 || !json.get(0).isTextual()) {
            throw new IllegalArgumentException("a message is [msg_type, data], was " + json);
        }
        String type = json.get(0).asText();
        if (type.startsWith("_")) {
            throw new IllegalArgumentException(type + " starts with an \"_\"");
        }
        Method handler;
        try {
            handler = getClass().getMethod(type, JsonNode.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("unknown message type: " + type, e);
        }
        try {
            handler.invoke(this, json.get(1));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}

package dev.proctest.samples.pingpong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;

/** Handles what arrives at the pong process's REP socket: {@code ping} and {@code plzdiekthxbye}. */
public class RepStreamHandler extends MessageHandler {

    private final Consumer<byte[]> reply;
    private final Runnable stop;
    private final PingHandler pingHandler;

    /** @param reply sends a reply on the REP socket */
    public RepStreamHandler(Consumer<byte[]> reply, Runnable stop, PingHandler pingHandler) {
        this.reply = reply;
        this.stop = stop;
        this.pingHandler = pingHandler;
    }

    /** Sends back a pong. */
    public void ping(JsonNode data) {
        send(pingHandler.makePong(data.asInt()));
    }

    /** Stops the process, after saying goodbye: a REP socket must answer. */
    public void plzdiekthxbye(JsonNode data) {
        send(List.of("bye", 0));
        stop.run();
    }

    /** Answers a message that could not be handled, so that the REP socket can take the next one. */
    public void refuse(String why) {
        System.out.println("Pong refused a message: " + why);
        send(List.of("error", why));
    }

    private void send(Object message) {
        try {
            reply.accept(JSON.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.proctest.engine.sockets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.Multipart;
import dev.proctest.TestSocket;
import dev.proctest.TestSocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of message a {@link TestSocket} sends and receives, text, JSON and multipart, on top
 * of sending and receiving whole messages of frames, which the socket itself does.
 */
abstract class MessageShapes implements TestSocket {

    /** Receives one whole message within the socket's timeout, or fails saying it waited for {@code awaited}. */
    abstract List<byte[]> receiveOrFail(String awaited);

    /** Describes the socket for messages: {@code REQ#1 (connected to tcp://127.0.0.1:5555)}. */
    abstract String describe();

    /** Ends a failure message with the children's last log lines. */
    abstract String explain(String failure);

    @Override
    public void send(String text) {
        sendFrames(List.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void sendJson(Object body) {
        sendFrames(List.of(Json.write(body, describe())));
    }

    @Override
    public void sendMultipart(List<byte[]> header, Object body, List<byte[]> extra) {
        List<byte[]> frames = new ArrayList<>(header);
        frames.add(Json.write(body, describe()));
        frames.addAll(extra);
        sendFrames(frames);
    }

    @Override
    public void sendMultipart(List<byte[]> header, Object body) {
        sendMultipart(header, body, List.of());
    }

    @Override
    public String receive() {
        List<byte[]> frames = receiveOrFail("a message of one text frame");
        return onlyFrame(frames, "text");
    }

    @Override
    public JsonNode receiveJson() {
        return Json.tree(onlyFrame(receiveOrFail("a message of one JSON frame")), describe() + " received");
    }

    @Override
    public <T> T receiveJson(Class<T> type) {
        return Json.read(onlyFrame(receiveOrFail("a message of one JSON frame")), type, describe() + " received");
    }

    @Override
    public <T> T receiveJson(TypeReference<T> type) {
        return Json.read(onlyFrame(receiveOrFail("a message of one JSON frame")), type, describe() + " received");
    }

    @Override
    public Multipart receiveMultipart() {
        return receiveMultipart(-1);
    }

    @Override
    public Multipart receiveMultipart(int jsonIndex) {
        ReceivedMultipart message = new ReceivedMultipart(receiveOrFail("a message with a JSON frame at index " + jsonIndex),
                jsonIndex, describe());
        message.json(); // fails here, naming the socket, if the frame is not there or not JSON
        return message;
    }

    @Override
    public Multipart receiveFrames() {
        return new ReceivedMultipart(receiveOrFail("a message"), -1, describe());
    }

    private String onlyFrame(List<byte[]> frames, String what) {
        byte[] frame = onlyFrame(frames);
        return Frames.text(frame).orElseThrow(() -> new TestSocketException(explain(describe() + " received "
                + Frames.render(frame) + ", which is not " + what + ": it is not UTF-8 text without control characters.")));
    }

    private byte[] onlyFrame(List<byte[]> frames) {
        if (frames.size() != 1) {
            throw new TestSocketException(describe() + " received a message of " + frames.size() + " frames, "
                    + Frames.render(frames) + ", where it expected one frame: receive it with receiveMultipart or receiveFrames");
        }
        return frames.get(0);
    }
}

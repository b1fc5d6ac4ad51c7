package dev.proctest.engine.sockets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.Multipart;
import dev.proctest.TestSocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A message a test socket received; its JSON frame is read when asked for. */
final class ReceivedMultipart implements Multipart {

    private final List<byte[]> frames;
    private final int jsonIndex;
    private final String socket;

    /** @param socket the socket that received it, described for messages */
    ReceivedMultipart(List<byte[]> frames, int jsonIndex, String socket) {
        this.frames = List.copyOf(frames);
        this.jsonIndex = jsonIndex;
        this.socket = socket;
    }

    @Override
    public List<byte[]> frames() {
        return frames;
    }

    @Override
    public int size() {
        return frames.size();
    }

    @Override
    public byte[] frame(int index) {
        return frames.get(position(index));
    }

    @Override
    public String text(int index) {
        return new String(frame(index), StandardCharsets.UTF_8);
    }

    @Override
    public String text() {
        return text(-1);
    }

    @Override
    public JsonNode json() {
        return Json.tree(jsonFrame(), where());
    }

    @Override
    public <T> T json(Class<T> type) {
        return Json.read(jsonFrame(), type, where());
    }

    @Override
    public <T> T json(TypeReference<T> type) {
        return Json.read(jsonFrame(), type, where());
    }

    @Override
    public List<byte[]> header() {
        return frames.subList(0, jsonPosition());
    }

    @Override
    public List<byte[]> extra() {
        return frames.subList(jsonPosition() + 1, frames.size());
    }

    /** Renders the frames: {@code ["ping", 0x00ff]}. */
    @Override
    public String toString() {
        return Frames.render(frames);
    }

    private byte[] jsonFrame() {
        return frames.get(jsonPosition());
    }

    private int jsonPosition() {
        int position = jsonIndex < 0 ? frames.size() + jsonIndex : jsonIndex;
        if (position < 0 || position >= frames.size()) {
            throw new TestSocketException(socket + " received " + Frames.render(frames) + ", which has no frame " + jsonIndex
                    + " to read as JSON: it has " + frames.size() + (frames.size() == 1 ? " frame" : " frames"));
        }
        return position;
    }

    private int position(int index) {
        int position = index < 0 ? frames.size() + index : index;
        if (position < 0 || position >= frames.size()) {
            throw new IndexOutOfBoundsException("No frame " + index + " in a message of " + frames.size() + " frames: " + this);
        }
        return position;
    }

    private String where() {
        return socket + " received, in frame " + jsonIndex + " of " + Frames.render(frames) + ",";
    }
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A message a {@link TestSocket} received: its frames, one of which may be JSON, as in {@code
 * [identity, "", json, extra...]}. The JSON frame is at the index the message was received with
 * ({@link TestSocket#receiveMultipart(int)}; the last one by default); {@link #header()} is what
 * comes before it and {@link #extra()} what comes after.
 *
 * <p>Indexes count from the end when negative: {@code -1} is the last frame.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface Multipart {

    /** Returns every frame, in order. */
    List<byte[]> frames();

    /** Returns how many frames the message has. */
    int size();

    /**
     * Returns the frame at {@code index}.
     *
     * @throws IndexOutOfBoundsException naming the message's size
     */
    byte[] frame(int index);

    /** Returns the frame at {@code index} as UTF-8 text. */
    String text(int index);

    /** Returns the last frame as UTF-8 text. */
    String text();

    /**
     * Returns the JSON frame, parsed.
     *
     * @throws TestSocketException naming the socket and showing the frame if it is not JSON
     */
    JsonNode json();

    /** Returns the JSON frame read into {@code type}. */
    <T> T json(Class<T> type);

    /** Returns the JSON frame read into {@code type}. */
    <T> T json(TypeReference<T> type);

    /** Returns the frames before the JSON frame: identities and delimiters. */
    List<byte[]> header();

    /** Returns the frames after the JSON frame. */
    List<byte[]> extra();
}

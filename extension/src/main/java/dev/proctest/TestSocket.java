package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A ZeroMQ socket in the test JVM whose every send and receive has a deadline: the test talks to the
 * system under test, or mimics one of its peers, and never hangs.
 *
 * <pre>{@code
 * TestSocket ping = processes.socket(SocketType.REQ).connect(endpoint);
 * ping.sendJson(List.of("ping", 1));
 * assertThat(ping.receiveJson().get(1).asInt()).isEqualTo(1);
 * }</pre>
 *
 * <p>Get one from {@link Processes#socket(org.zeromq.SocketType)}. Each send and receive waits up
 * to the socket's {@linkplain #timeout(Duration) timeout} ({@code proctest.socket.timeout}, 1 s by
 * default), then throws a {@link TestSocketException} that names the socket, its addresses, what
 * it waited for, and shows the last lines the test's children logged. Every message is written to
 * the test's transcript, which a failure of the test shows. The socket is closed, without linger,
 * when its scope ends. Like any ZeroMQ socket it belongs to one thread at a time.
 *
 * <p>Text frames are UTF-8; JSON is written and read with Jackson.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface TestSocket extends AutoCloseable {

    /** Returns the socket's type, as created. */
    org.zeromq.SocketType type();

    /** Connects to {@code endpoint}; returns this socket. */
    TestSocket connect(Endpoint endpoint);

    /**
     * Connects to an address such as {@code tcp://127.0.0.1:5555}; returns this socket.
     *
     * @throws TestSocketException if the address is not a {@code tcp://host:port}, {@code ipc://path}
     *     or {@code inproc://name} address
     */
    TestSocket connect(String address);

    /** Binds to {@code endpoint}; returns this socket. */
    TestSocket bind(Endpoint endpoint);

    /**
     * Binds to an address; returns this socket.
     *
     * @throws TestSocketException if the address is malformed or already in use
     */
    TestSocket bind(String address);

    /**
     * Subscribes a {@code SUB} socket to messages whose first frame starts with {@code prefix}; the
     * empty prefix subscribes to everything. Returns this socket.
     *
     * @throws IllegalStateException if this is not a {@code SUB} socket
     */
    TestSocket subscribe(String prefix);

    /**
     * Sets the routing identity a {@code ROUTER} peer sees for this socket; call it before {@code
     * connect}. Returns this socket.
     */
    TestSocket identity(String identity);

    /** Sets how long each send and receive of this socket may take; returns this socket. */
    TestSocket timeout(Duration timeout);

    /** Sends one text frame. */
    void send(String text);

    /** Sends one frame: {@code body} as JSON. */
    void sendJson(Object body);

    /** Sends the frames as one message. */
    void sendFrames(List<byte[]> frames);

    /**
     * Sends {@code header}'s frames, {@code body} as one JSON frame, then {@code extra}'s frames, as
     * one message: what a {@code ROUTER} or {@code DEALER} peer sends with identity frames in front.
     */
    void sendMultipart(List<byte[]> header, Object body, List<byte[]> extra);

    /** Like {@link #sendMultipart(List, Object, List)} with no extra frames. */
    void sendMultipart(List<byte[]> header, Object body);

    /**
     * Receives a message of one frame and returns it as text.
     *
     * @throws TestSocketException if none arrives in time, or it has more than one frame
     */
    String receive();

    /** Receives a message of one frame and returns it parsed as JSON. */
    JsonNode receiveJson();

    /** Receives a message of one frame and returns it read as JSON into {@code type}. */
    <T> T receiveJson(Class<T> type);

    /** Receives a message of one frame and returns it read as JSON into {@code type}. */
    <T> T receiveJson(TypeReference<T> type);

    /** Receives a message whose last frame is JSON. */
    Multipart receiveMultipart();

    /**
     * Receives a message whose frame at {@code jsonIndex} is JSON, counted from the end when
     * negative: {@code -1} is the last frame.
     *
     * @throws TestSocketException if none arrives in time, it has no such frame, or the frame does
     *     not parse as JSON
     */
    Multipart receiveMultipart(int jsonIndex);

    /** Receives a message of any frames, none of them read as JSON until asked. */
    Multipart receiveFrames();

    /**
     * Receives messages until {@code count} have arrived or {@code within} has passed, and returns
     * those that arrived, in order: fewer than {@code count} if time ran out.
     */
    List<Multipart> receiveUntil(int count, Duration within);

    /**
     * Waits {@code period} and asserts that no message arrives.
     *
     * @throws TestSocketException showing the message if one arrives
     */
    void expectNothing(Duration period);

    /** Closes the socket without linger; later sends and receives throw. Closing twice does nothing. */
    @Override
    void close();
}

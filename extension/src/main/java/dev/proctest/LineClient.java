package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A plain TCP client for servers that speak newline-delimited text or JSON, with the same
 * discipline as a {@link TestSocket}: every receive has a deadline, every line goes to the test's
 * transcript, and the connection is closed when its scope ends.
 *
 * <pre>{@code
 * LineClient client = processes.lineClient(endpoint);
 * client.sendJson(Map.of("command", "subscribe", "topic", "news"));
 * assertThat(client.receiveJson().get("success").asBoolean()).isTrue();
 * client.expectNothing(Duration.ofMillis(100));
 * }</pre>
 *
 * <p>Lines are UTF-8. A received line ends at {@code \n}, and a {@code \r} before it is dropped;
 * a sent line ends with the client's {@linkplain #lineEnding(String) line ending}, {@code \n} by
 * default. Get one from {@link Processes#lineClient(Endpoint)}.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface LineClient extends AutoCloseable {

    /** Returns the endpoint this client is connected to. */
    Endpoint endpoint();

    /** Sets how long each send and receive may take; returns this client. */
    LineClient timeout(Duration timeout);

    /** Sets what ends each line this client sends, such as {@code "\r\n"}; returns this client. */
    LineClient lineEnding(String lineEnding);

    /** Sends {@code line} and the line ending. */
    void send(String line);

    /** Sends {@code body} as one line of JSON. */
    void sendJson(Object body);

    /** Sends {@code bytes} as they are, then the line ending: also bytes that are not text. */
    void sendBytes(byte[] bytes);

    /**
     * Receives the next line, without its line ending.
     *
     * @throws TestSocketException if no whole line arrives in time, or the server closed the
     *     connection; the message shows what did arrive
     */
    String receive();

    /** Receives the next line and returns it parsed as JSON. */
    JsonNode receiveJson();

    /** Receives the next line and returns it read as JSON into {@code type}. */
    <T> T receiveJson(Class<T> type);

    /** Waits {@code period} and returns every line that arrived, in order, perhaps none. */
    List<String> receiveMany(Duration period);

    /**
     * Receives lines until {@code count} have arrived or {@code within} has passed, and returns those
     * that arrived: fewer than {@code count} if time ran out.
     */
    List<String> receiveUntil(int count, Duration within);

    /**
     * Waits {@code period} and returns every line that arrived, each parsed as JSON, in order,
     * perhaps none.
     *
     * @throws TestSocketException if a line is not JSON, showing it
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    List<JsonNode> receiveManyJson(Duration period);

    /**
     * Receives lines until {@code count} have arrived or {@code within} has passed, and returns
     * those that arrived, each parsed as JSON: fewer than {@code count} if time ran out.
     *
     * @throws TestSocketException if a line is not JSON, showing it
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    List<JsonNode> receiveJsonUntil(int count, Duration within);

    /**
     * Waits {@code period} and asserts that nothing arrives.
     *
     * @throws TestSocketException showing what arrived
     */
    void expectNothing(Duration period);

    /** Closes the connection; later sends and receives throw. Closing twice does nothing. */
    @Override
    void close();
}

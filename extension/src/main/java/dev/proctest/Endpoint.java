package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An address the system under test binds or connects to: {@code tcp://127.0.0.1:<port>}.
 *
 * <p>Get a free one with {@link Processes#endpoint(String)}; name a fixed port with {@link
 * #tcp(int)}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Endpoint {

    private static final String LOOPBACK = "127.0.0.1";

    private final String host;
    private final int port;

    private Endpoint(String host, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A TCP port is between 1 and 65535, was " + port);
        }
        this.host = host;
        this.port = port;
    }

    /** Returns the loopback endpoint with this port: {@code tcp://127.0.0.1:<port>}. */
    public static Endpoint tcp(int port) {
        return new Endpoint(LOOPBACK, port);
    }

    /** Returns the address as ZeroMQ writes it: {@code tcp://127.0.0.1:5555}. */
    public String address() {
        return "tcp://" + host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint endpoint && endpoint.host.equals(host) && endpoint.port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port);
    }

    /** Returns the {@linkplain #address() address}. */
    @Override
    public String toString() {
        return address();
    }
}

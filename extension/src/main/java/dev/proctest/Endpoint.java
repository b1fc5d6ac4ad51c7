package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An address the system under test binds or connects to: {@code tcp://127.0.0.1:<port>} or {@code
 * ipc://<path>}.
 *
 * <p>Get a free one with {@link Processes#endpoint(String)}, which gives the transport of the
 * running repetition of a {@link Transports} test; name a fixed one with {@link #tcp(int)} or
 * {@link #ipc(Path)}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Endpoint {

    private static final String LOOPBACK = "127.0.0.1";

    /** JeroMQ's ports for {@code ipc://} addresses: {@code 10000 + |hash| % 55536}. */
    private static final int IPC_FIRST_PORT = 10_000;
    private static final int IPC_PORTS = 55_536;

    private final Transport transport;
    private final String address;
    private final int port;

    private Endpoint(Transport transport, String address, int port) {
        this.transport = transport;
        this.address = address;
        this.port = port;
    }

    /** Returns the loopback endpoint with this port: {@code tcp://127.0.0.1:<port>}. */
    public static Endpoint tcp(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A TCP port is between 1 and 65535, was " + port);
        }
        return new Endpoint(Transport.TCP, "tcp://" + LOOPBACK + ":" + port, port);
    }

    /**
     * Returns the endpoint {@code ipc://<path>}.
     *
     * <p>JeroMQ, the Java ZeroMQ that proctest and most Java systems use, has no Unix domain
     * sockets: it carries an {@code ipc://} address over loopback TCP, on port {@code 10000 +
     * |path.hashCode()| % 55536}, which {@link #port()} returns. Nothing is created at the path.
     * So an IPC endpoint tests that the system under test handles {@code ipc://} addresses; it does
     * not test a different kind of socket. {@link Processes#endpoint(String)} picks paths whose port
     * is free.
     *
     * @throws IllegalArgumentException if JeroMQ would not read the path as one address: it contains
     *     {@code ;} or is {@code *}
     */
    public static Endpoint ipc(Path path) {
        String name = path.toString();
        if (name.isEmpty() || name.equals("*") || name.contains(";")) {
            throw new IllegalArgumentException("An IPC endpoint's path must not be empty or '*', nor contain ';', was [" + name + "]");
        }
        int hash = name.hashCode();
        int port = IPC_FIRST_PORT + (hash < 0 ? -hash : hash) % IPC_PORTS; // as JeroMQ's IpcAddress computes it
        if (port < 1) { // only a hash of Integer.MIN_VALUE, whose negation stays negative
            throw new IllegalArgumentException("JeroMQ derives no valid port from the IPC path [" + name + "]; choose another");
        }
        return new Endpoint(Transport.IPC, "ipc://" + name, port);
    }

    /** Returns the address as ZeroMQ writes it: {@code tcp://127.0.0.1:5555} or {@code ipc:///tmp/.../pong}. */
    public String address() {
        return address;
    }

    public Transport transport() {
        return transport;
    }

    /** Returns the host a TCP client connects to: {@code 127.0.0.1}, for IPC endpoints too. */
    public String host() {
        return LOOPBACK;
    }

    /** Returns the TCP port, for IPC endpoints the port JeroMQ derives from the path. */
    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint endpoint && endpoint.address.equals(address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address);
    }

    /** Returns the {@linkplain #address() address}. */
    @Override
    public String toString() {
        return address;
    }
}

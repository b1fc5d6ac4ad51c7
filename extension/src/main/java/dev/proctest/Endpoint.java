package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An address the system under test binds or connects to: {@code tcp://127.0.0.1:<port>}, {@code
 * ipc://<path>} or {@code unix://<path>}.
 *
 * <p>Get a free one with {@link Processes#endpoint(String)}, which gives the transport of the
 * running repetition of a {@link Transports} test; name a fixed one with {@link #tcp(int)},
 * {@link #ipc(Path)} or {@link #unix(Path)}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Endpoint {

    private static final String LOOPBACK = "127.0.0.1";

    /** JeroMQ's ports for {@code ipc://} addresses: {@code 10000 + |hash| % 55536}. */
    private static final int IPC_FIRST_PORT = 10_000;
    private static final int IPC_PORTS = 55_536;

    /** The longest path of a Unix domain socket, in bytes: {@code sun_path} holds 108 on Linux, 104 on macOS, with its NUL. */
    private static final int UNIX_PATH_LIMIT = System.getProperty("os.name", "").startsWith("Mac") ? 103 : 107;

    private final Transport transport;
    private final String address;
    private final int port;
    private final Path path;

    private Endpoint(Transport transport, String address, int port, Path path) {
        this.transport = transport;
        this.address = address;
        this.port = port;
        this.path = path;
    }

    /** Returns the loopback endpoint with this port: {@code tcp://127.0.0.1:<port>}. */
    public static Endpoint tcp(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A TCP port is between 1 and 65535, was " + port);
        }
        return new Endpoint(Transport.TCP, "tcp://" + LOOPBACK + ":" + port, port, null);
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
        return new Endpoint(Transport.IPC, "ipc://" + name, port, path);
    }

    /**
     * Returns the Unix domain socket endpoint {@code unix://<path>}, for a stream server that
     * binds {@code path} (Java 16's {@code UnixDomainSocketAddress.of(path)}); {@link
     * Processes#lineClient(Endpoint)} connects to it and {@link Ready#listening(Endpoint)} waits
     * for it. It has no port: {@link #port()} and {@link #host()} throw. ZeroMQ sockets cannot use
     * it: JeroMQ has no Unix domain sockets (see {@link #ipc(Path)} for what it has).
     *
     * @throws IllegalArgumentException if the path is longer than the system allows a socket's
     *     path to be (107 bytes on Linux, 103 on macOS), naming the path and the limit
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public static Endpoint unix(Path path) {
        String name = path.toAbsolutePath().toString();
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > UNIX_PATH_LIMIT) {
            throw new IllegalArgumentException("The Unix domain socket path " + name + " is " + bytes + " bytes long; the system"
                    + " allows at most " + UNIX_PATH_LIMIT + ": choose a shorter path, as processes.endpoint(name) does in a short"
                    + " private directory");
        }
        return new Endpoint(Transport.UNIX, "unix://" + name, -1, Path.of(name));
    }

    /** Returns the address as ZeroMQ writes it: {@code tcp://127.0.0.1:5555} or {@code ipc:///tmp/.../pong}. */
    public String address() {
        return address;
    }

    public Transport transport() {
        return transport;
    }

    /**
     * Returns the host a TCP client connects to: {@code 127.0.0.1}, for IPC endpoints too.
     *
     * @throws IllegalStateException for a Unix domain socket endpoint, which has none
     */
    public String host() {
        requirePort("host");
        return LOOPBACK;
    }

    /**
     * Returns the TCP port, for IPC endpoints the port JeroMQ derives from the path.
     *
     * @throws IllegalStateException for a Unix domain socket endpoint, which has none: use {@link #path()}
     */
    public int port() {
        requirePort("port");
        return port;
    }

    /**
     * Returns the path of an IPC or Unix domain socket endpoint.
     *
     * @throws IllegalStateException for a TCP endpoint, which has none
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public Path path() {
        if (path == null) {
            throw new IllegalStateException("The TCP endpoint " + address + " has no path: use host() and port()");
        }
        return path;
    }

    private void requirePort(String what) {
        if (transport == Transport.UNIX) {
            throw new IllegalStateException("The Unix domain socket endpoint " + address + " has no " + what + ": use path()");
        }
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

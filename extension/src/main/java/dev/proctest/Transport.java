package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How the endpoints of a test are addressed, one per repetition of a test annotated {@link
 * Transports}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum Transport {

    /** {@code tcp://127.0.0.1:<free port>}. */
    TCP,

    /**
     * {@code ipc://<private temp dir>/<name>}. JeroMQ has no Unix domain sockets: it carries an
     * {@code ipc://} address over loopback TCP, on a port derived from the address's hash. proctest
     * picks each IPC address so that its port is free; see {@link Endpoint#ipc(java.nio.file.Path)}.
     */
    IPC,

    /**
     * {@code unix://<private short temp dir>/<name>}: a real Unix domain socket, for stream servers
     * (Java's {@code UnixDomainSocketAddress}, Python's {@code AF_UNIX}); not for ZeroMQ sockets,
     * which JeroMQ cannot open on it. See {@link Endpoint#unix(java.nio.file.Path)}.
     *
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    UNIX;

    /** Returns the name shown in display names and unique ids: {@code tcp}, {@code ipc} or {@code unix}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

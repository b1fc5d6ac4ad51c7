package dev.proctest;

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
    IPC;

    /** Returns the name shown in display names and unique ids: {@code tcp} or {@code ipc}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

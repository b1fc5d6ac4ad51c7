package dev.proctest.engine.endpoints;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The endpoints of one scope, by name, of the scope's transport. TCP endpoints get a free port;
 * IPC endpoints a path in a private temp directory (0700) whose JeroMQ port, derived from the
 * path's hash, is free. Ports are held until {@link #close()}, which also removes the directory.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScopeEndpoints implements AutoCloseable {

    private static final int IPC_ATTEMPTS = 1_000;

    private final Transport transport;
    private final Map<String, Endpoint> byName = new HashMap<>();
    private Path ipcDirectory;

    public ScopeEndpoints(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    /** Returns the endpoint called {@code name}, allocating it on first use. */
    public synchronized Endpoint endpoint(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An endpoint needs a name that is not blank, was [" + name + "]");
        }
        Endpoint endpoint = byName.get(name);
        if (endpoint == null) {
            endpoint = transport == Transport.IPC ? ipc(name) : Endpoint.tcp(Ports.allocate());
            byName.put(name, endpoint);
        }
        return endpoint;
    }

    /** Releases the ports and removes the IPC directory. */
    @Override
    public synchronized void close() {
        byName.values().forEach(endpoint -> Ports.release(endpoint.port()));
        byName.clear();
        if (ipcDirectory != null) {
            deleteRecursively(ipcDirectory);
            ipcDirectory = null;
        }
    }

    private Endpoint ipc(String name) {
        String fileName = name.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int attempt = 0; attempt < IPC_ATTEMPTS; attempt++) {
            // A random suffix, as a counter would give neighbouring hashes, so neighbouring ports
            String suffix = attempt == 0 ? "" : "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 25), 36);
            Endpoint endpoint = Endpoint.ipc(ipcDirectory().resolve(fileName + suffix));
            if (Ports.tryHold(endpoint.port())) {
                return endpoint;
            }
        }
        throw new IllegalStateException("Found no IPC path for endpoint '" + name + "' whose port (JeroMQ carries ipc:// over TCP)"
                + " is free, in " + IPC_ATTEMPTS + " tries");
    }

    private Path ipcDirectory() {
        if (ipcDirectory == null) {
            try {
                ipcDirectory = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempDirectory("proctest-ipc-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory("proctest-ipc-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a private directory for IPC endpoints", e);
            }
        }
        return ipcDirectory;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the IPC directory " + directory, e);
        }
    }
}

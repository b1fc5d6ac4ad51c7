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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The endpoints of one scope, by name, of the scope's transport. TCP endpoints get a free port;
 * IPC endpoints a path in a private temp directory (0700) whose JeroMQ port, derived from the
 * path's hash, is free; Unix domain socket endpoints a path in such a directory. Ports are held
 * until {@link #close()}, which also removes the directory and the sockets in it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScopeEndpoints implements AutoCloseable {

    private static final int IPC_ATTEMPTS = 1_000;
    /** The longest temp directory kept for socket paths: with proctest's directory and a name, a path stays well below 107 bytes. */
    private static final int SHORT_BASE = 40;

    private final Transport transport;
    private final Map<String, Endpoint> byName = new HashMap<>();
    private final List<Endpoint> unnamed = new ArrayList<>();
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
            endpoint = switch (transport) {
                case IPC -> ipc(name);
                case UNIX -> Endpoint.unix(privateDirectory().resolve(fileName(name))); // a name too long fails here, saying why
                case TCP -> Endpoint.tcp(Ports.allocate());
            };
            byName.put(name, endpoint);
        }
        return endpoint;
    }

    /** Returns the named endpoints so far, by name. */
    public synchronized Map<String, Endpoint> named() {
        return Map.copyOf(byName);
    }

    /**
     * Returns a new endpoint of {@code kind}, under no name, whatever the scope's transport: a
     * link's, in front of an endpoint of that kind.
     */
    public synchronized Endpoint unnamed(Transport kind, String hint) {
        String name = hint + "-" + (unnamed.size() + 1);
        Endpoint endpoint = switch (kind) {
            case IPC -> ipc(name);
            case UNIX -> Endpoint.unix(privateDirectory().resolve(fileName(name)));
            case TCP -> Endpoint.tcp(Ports.allocate());
        };
        unnamed.add(endpoint);
        return endpoint;
    }

    /** Releases the ports and removes the IPC directory. */
    @Override
    public synchronized void close() {
        Stream.concat(byName.values().stream(), unnamed.stream()).filter(endpoint -> endpoint.transport() != Transport.UNIX)
                .forEach(endpoint -> Ports.release(endpoint.port()));
        byName.clear();
        unnamed.clear();
        if (ipcDirectory != null) {
            deleteRecursively(ipcDirectory);
            ipcDirectory = null;
        }
    }

    private Endpoint ipc(String name) {
        String fileName = fileName(name);
        for (int attempt = 0; attempt < IPC_ATTEMPTS; attempt++) {
            // A random suffix, as a counter would give neighbouring hashes, so neighbouring ports
            String suffix = attempt == 0 ? "" : "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 25), 36);
            Endpoint endpoint = Endpoint.ipc(privateDirectory().resolve(fileName + suffix));
            if (Ports.tryHold(endpoint.port())) {
                return endpoint;
            }
        }
        throw new IllegalStateException("Found no IPC path for endpoint '" + name + "' whose port (JeroMQ carries ipc:// over TCP)"
                + " is free, in " + IPC_ATTEMPTS + " tries");
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * The scope's private directory (0700) for IPC and Unix domain socket paths: in the temp
     * directory, or in {@code /tmp} when that one's path is long, as a socket's path may have 107
     * bytes at most.
     */
    private Path privateDirectory() {
        if (ipcDirectory == null) {
            Path base = Path.of(System.getProperty("java.io.tmpdir"));
            if (base.toAbsolutePath().toString().length() > SHORT_BASE && Files.isDirectory(Path.of("/tmp"))) {
                base = Path.of("/tmp");
            }
            String prefix = "proctest-" + transport.label() + "-";
            try {
                ipcDirectory = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                        ? Files.createTempDirectory(base, prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory(base, prefix);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a private directory for " + transport.label() + " endpoints in " + base, e);
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

package dev.proctest.engine.endpoints;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Whether something listens on a TCP port, found without connecting to it: on Linux from the
 * kernel's socket tables in {@code /proc/net}. Connecting would disturb the server: a plain TCP
 * probe of a JeroMQ server's port was seen to make the next ZeroMQ client stall its handshake for
 * 30 s. Where there are no such tables, a connection is the only way left, and is used.
 */
@API(status = INTERNAL, since = "0.1")
public final class ListeningSockets {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";
    private static final Path UNIX_TABLE = Path.of("/proc/net/unix");
    private static final long ACCEPTING = 0x10000;

    private ListeningSockets() {}

    /** Whether something listens on {@code endpoint}: its TCP port, or its Unix domain socket's path. */
    public static boolean isListening(Endpoint endpoint) {
        return endpoint.transport() == Transport.UNIX ? isListening(endpoint.path()) : isListening(endpoint.port());
    }

    /**
     * Each row of {@code /proc/net/unix} is "Num RefCount Protocol Flags Type St Inode Path"; a
     * listening socket has the flag {@code __SO_ACCEPTCON} (0x10000). Without the table, a connect
     * says it, and disturbs a stream server no more than its own clients do.
     */
    public static boolean isListening(Path socket) {
        String path = socket.toAbsolutePath().toString();
        if (Files.isReadable(UNIX_TABLE)) {
            try {
                return Files.readAllLines(UNIX_TABLE).stream().skip(1).map(String::strip).map(row -> row.split("\\s+", 8))
                        .anyMatch(columns -> columns.length == 8 && columns[7].equals(path)
                                && (Long.parseLong(columns[3], 16) & ACCEPTING) != 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + UNIX_TABLE, e);
            }
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isListening(int port) {
        if (tablesReadable()) {
            return TABLES.stream().filter(Files::isReadable).anyMatch(table -> listedAsListening(table, port));
        }
        return acceptsConnections(port);
    }

    /** Whether the kernel's tables tell who listens, so that asking disturbs nobody: on Linux. */
    public static boolean tablesReadable() {
        return Files.isReadable(TABLES.get(0));
    }

    /** Each row is "sl local_address rem_address st ...", the local address as HEXIP:HEXPORT. */
    private static boolean listedAsListening(Path table, int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        try {
            return Files.readAllLines(table).stream().skip(1).map(String::strip).map(row -> row.split("\\s+"))
                    .anyMatch(columns -> columns.length > 3 && columns[1].endsWith(hexPort) && LISTEN.equals(columns[3]));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table, e);
        }
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

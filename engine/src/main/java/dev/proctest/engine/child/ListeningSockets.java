package dev.proctest.engine.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether something listens on a TCP port, found without connecting to it: on Linux from the
 * kernel's socket tables in {@code /proc/net}. Connecting would disturb the server: a plain TCP
 * probe of a JeroMQ server's port was seen to make the next ZeroMQ client stall its handshake for
 * 30 s. Where there are no such tables, a connection is the only way left, and is used.
 */
final class ListeningSockets {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    static boolean isListening(int port) {
        if (Files.isReadable(TABLES.get(0))) {
            return TABLES.stream().filter(Files::isReadable).anyMatch(table -> listedAsListening(table, port));
        }
        return acceptsConnections(port);
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

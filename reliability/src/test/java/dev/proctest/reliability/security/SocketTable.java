package dev.proctest.reliability.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's table of TCP sockets ({@code /proc/net/tcp} and {@code tcp6}): which local
 * addresses listen on a port, as the machine sees them rather than as the code says.
 */
final class SocketTable {

    private static final String LISTEN = "0A";

    private SocketTable() {}

    /** Returns the local addresses listening on {@code port}, such as {@code tcp 127.0.0.1} or {@code tcp6 ::}. */
    static List<String> listeners(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc/net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (local[1].equals(hexPort) && fields[3].equals(LISTEN)) {
                    found.add(table + " " + address(local[0]));
                }
            }
        }
        return found;
    }

    /**
     * An address as the table writes it: IPv4 as 8 hex digits, the bytes in little-endian order;
     * IPv6 as four such words. A Java socket bound to 127.0.0.1 on a dual-stack machine shows in
     * {@code tcp6} as the IPv4-mapped {@code ::ffff:127.0.0.1}.
     */
    private static String address(String hex) {
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + address(hex.substring(24));
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "::1";
        }
        if (hex.length() != 8) {
            return hex; // another IPv6 address: left as the table has it, which the caller reports
        }
        long value = Long.parseLong(hex, 16);
        return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff);
    }
}

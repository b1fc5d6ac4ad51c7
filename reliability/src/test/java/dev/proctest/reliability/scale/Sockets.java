package dev.proctest.reliability.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a socket of this JVM is, found by its inode in the kernel's tables: which table and the row. */
final class Sockets {

    private static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6", "unix", "netlink");

    private Sockets() {}

    /** One line per socket this JVM holds open. */
    static String describeAll() {
        StringBuilder lines = new StringBuilder();
        Sample.openFiles().stream().filter(file -> file.startsWith("socket:[")).map(file -> file.substring(8, file.length() - 1))
                .forEach(inode -> lines.append("  ").append(inode).append(' ').append(describe(inode)).append('\n'));
        return lines.toString();
    }

    static String describe(String inode) {
        for (String table : TABLES) {
            try {
                for (String row : Files.readAllLines(Path.of("/proc/net", table))) {
                    if (List.of(row.strip().split("\\s+")).contains(inode)) {
                        return table + ": " + row.strip();
                    }
                }
            } catch (IOException e) {
                // a table this kernel does not have
            }
        }
        return "in no table";
    }
}

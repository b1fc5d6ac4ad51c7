package dev.proctest.benchmarks.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A three-node ZooKeeper ensemble on loopback: each node's configuration file and data directory,
 * the same for both sides of the benchmark. A node is given its client, quorum and election ports.
 */
public final class Ensemble {

    /** A node's ports. */
    public record Ports(int client, int quorum, int election) {}

    private final Path directory;
    private final List<Ports> nodes;

    public Ensemble(Path directory, List<Ports> nodes) {
        this.directory = directory;
        this.nodes = List.copyOf(nodes);
    }

    /** Writes every node's {@code zoo.cfg} and {@code myid}; returns the configuration files, node 1 first. */
    public List<Path> write() {
        StringBuilder servers = new StringBuilder();
        for (int n = 0; n < nodes.size(); n++) {
            servers.append("server.").append(n + 1).append("=127.0.0.1:").append(nodes.get(n).quorum()).append(':')
                    .append(nodes.get(n).election()).append('\n');
        }
        List<Path> configs = new ArrayList<>();
        try {
            for (int n = 0; n < nodes.size(); n++) {
                Path data = Files.createDirectories(directory.resolve("zk" + (n + 1)));
                Files.writeString(data.resolve("myid"), String.valueOf(n + 1));
                Path config = directory.resolve("zk" + (n + 1) + ".cfg");
                Files.writeString(config, String.join("\n",
                        "tickTime=500",
                        "initLimit=10",
                        "syncLimit=5",
                        "dataDir=" + data,
                        "clientPort=" + nodes.get(n).client(),
                        "clientPortAddress=127.0.0.1",
                        "admin.enableServer=false",
                        "4lw.commands.whitelist=srvr",
                        "") + servers);
                configs.add(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configs;
    }

    /** The client ports, node 1 first. */
    public List<Integer> clientPorts() {
        return nodes.stream().map(Ports::client).toList();
    }
}

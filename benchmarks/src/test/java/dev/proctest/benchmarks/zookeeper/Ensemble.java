package dev.proctest.benchmarks.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
        return write(Collections.nCopies(nodes.size(), nodes));
    }

    /**
     * Like {@link #write()}, with each node's own view of the others: {@code views.get(n).get(m)} is
     * where node {@code n} reaches node {@code m}'s quorum and election ports (its own entry its real
     * ports, the others links, say). The client ports of the views are not used.
     */
    public List<Path> write(List<List<Ports>> views) {
        if (views.size() != nodes.size()) {
            throw new IllegalArgumentException("one view per node, was " + views.size() + " for " + nodes.size());
        }
        List<Path> configs = new ArrayList<>();
        try {
            for (int n = 0; n < nodes.size(); n++) {
                StringBuilder servers = new StringBuilder();
                List<Ports> view = views.get(n);
                for (int m = 0; m < nodes.size(); m++) {
                    servers.append("server.").append(m + 1).append("=127.0.0.1:").append(view.get(m).quorum()).append(':')
                            .append(view.get(m).election()).append('\n');
                }
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

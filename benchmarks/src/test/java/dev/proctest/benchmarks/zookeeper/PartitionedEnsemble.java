package dev.proctest.benchmarks.zookeeper;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Mesh;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * The three ZooKeeper nodes of {@link ZooKeeperPartitionTestCase}, each a child, with the meshes
 * its server lines go through when started meshed, and the conditions the tests wait for: which
 * node leads, which serves, each polled with {@code srvr} within a deadline.
 */
final class PartitionedEnsemble {

    static final int NODES = 3;
    /** Every condition's deadline: elections on a shared two-core machine are slow. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** How often {@code srvr} is asked while a condition is not met yet: polling a server that has no event to wait for. */
    private static final long POLL_MILLIS = 50;

    final List<ChildProcess> nodes;
    /** Each node's client port. */
    final List<Integer> ports;
    /** The meshes over the quorum and the election ports; {@code null} for an ensemble started without them. */
    final Mesh quorum;
    final Mesh election;

    private PartitionedEnsemble(List<ChildProcess> nodes, List<Integer> ports, Mesh quorum, Mesh election) {
        this.nodes = nodes;
        this.ports = ports;
        this.quorum = quorum;
        this.election = election;
    }

    /** Starts the three nodes; with {@code meshed}, each node's server lines are its views of the quorum and election meshes. */
    static PartitionedEnsemble start(Processes processes, Path directory, boolean meshed) {
        List<Endpoint> clients = new ArrayList<>();
        List<Endpoint> quorumPorts = new ArrayList<>();
        List<Endpoint> electionPorts = new ArrayList<>();
        List<Ensemble.Ports> own = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            clients.add(processes.endpoint(name(n)));
            quorumPorts.add(processes.endpoint(name(n) + "-quorum"));
            electionPorts.add(processes.endpoint(name(n) + "-election"));
            own.add(new Ensemble.Ports(clients.get(n).port(), quorumPorts.get(n).port(), electionPorts.get(n).port()));
        }
        Ensemble ensemble = new Ensemble(directory, own);
        List<Path> configs;
        Mesh quorum = null;
        Mesh election = null;
        if (meshed) {
            Mesh quorumMesh = processes.mesh(quorumPorts);
            Mesh electionMesh = processes.mesh(electionPorts);
            quorum = quorumMesh;
            election = electionMesh;
            List<List<Ensemble.Ports>> views = IntStream.range(0, NODES).mapToObj(n -> IntStream.range(0, NODES)
                    .mapToObj(m -> new Ensemble.Ports(clients.get(m).port(), quorumMesh.endpoint(n, m).port(),
                            electionMesh.endpoint(n, m).port()))
                    .toList()).toList();
            configs = ensemble.write(views);
        } else {
            configs = ensemble.write();
        }
        List<JavaChild> specs = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            specs.add(JavaChild.main(QuorumPeerMain.class).name(name(n)).args(configs.get(n).toString())
                    .readyWhen(Ready.listening(clients.get(n))));
        }
        return new PartitionedEnsemble(new ArrayList<>(processes.spawnAll(specs)), ensemble.clientPorts(), quorum, election);
    }

    /** Waits until one of {@code members} leads and the others follow; returns the leader. */
    int awaitLeaderAmong(List<Integer> members) throws InterruptedException {
        int[] found = {-1};
        await("one of " + members.stream().map(PartitionedEnsemble::name).toList() + " leads and the others follow", () -> {
            int leader = -1;
            int followers = 0;
            for (int n : members) {
                String mode = Probe.mode(ports.get(n));
                if (mode.equals("leader")) {
                    leader = n;
                } else if (mode.equals("follower")) {
                    followers++;
                }
            }
            found[0] = leader;
            return leader >= 0 && followers == members.size() - 1;
        });
        return found[0];
    }

    void awaitMode(int node, String mode, String what) throws InterruptedException {
        await(what, () -> Probe.mode(ports.get(node)).equals(mode));
    }

    void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + "; the nodes say " + modes());
            }
            Thread.sleep(POLL_MILLIS); // between looks at a condition, within the deadline above
        }
    }

    private String modes() {
        List<String> modes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            modes.add(name(n) + " " + Probe.mode(ports.get(n)));
        }
        return String.join(", ", modes);
    }

    List<Integer> all() {
        return IntStream.range(0, NODES).boxed().toList();
    }

    List<Integer> allBut(int node) {
        return IntStream.range(0, NODES).filter(n -> n != node).boxed().toList();
    }

    static String name(int node) {
        return "zk" + (node + 1);
    }

    void check(boolean condition, String otherwise) {
        if (!condition) {
            throw new AssertionError(otherwise + "; the nodes say " + modes());
        }
    }
}

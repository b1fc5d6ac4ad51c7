package dev.proctest.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.LogMark;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.UnitTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A three-node cluster tested as a team testing a real one would: started together, the leader
 * found, killed, a new election awaited, the node restarted with its data; a frozen leader; and
 * clusters of one, three and five nodes in one parameterized test.
 */
class ClusterTests {

    @UnitTest
    void the_live_node_with_the_lowest_id_leads() {
        assertThat(Election.leader(2, Set.of(1, 3))).isEqualTo(1);
        assertThat(Election.leader(2, Set.of(3))).isEqualTo(2);
        assertThat(Election.leader(3, Set.of())).isEqualTo(3);
    }

    /** The three nodes' specs: each ready once it listens and sees node 1 lead. */
    private static List<JavaChild> cluster(Processes processes, Path data) {
        return cluster(processes, data, 3);
    }

    /** The specs of a cluster of {@code size} nodes: each ready once it listens and sees node 1 lead. */
    private static List<JavaChild> cluster(Processes processes, Path data, int size) {
        List<Endpoint> ports = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            ports.add(processes.endpoint("node" + id));
            members.add(id + "=" + ports.get(id - 1).port());
        }
        List<JavaChild> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            List<String> args = new ArrayList<>(List.of(String.valueOf(id), data.resolve("node" + id).toString()));
            args.addAll(members);
            nodes.add(JavaChild.main(Node.class).name("node" + id).args(args.toArray(String[]::new))
                    .readyWhen(Ready.all(Ready.listening(ports.get(id - 1)),
                            Ready.whenLogged(id == 1 ? "node 1 is the leader" : "node " + id + " follows leader 1"))));
        }
        return nodes;
    }

    /** One test for a cluster of one, three and five nodes: {@code [1] nodes=1}, {@code [2] nodes=3}, {@code [3] nodes=5}. */
    @ProcessTest
    @ValueSource(ints = {1, 3, 5})
    void every_node_follows_the_leader_and_reads_what_it_wrote(int nodes, Processes processes, @TempDir Path data) {
        processes.spawnAll(cluster(processes, data, nodes));
        LineClient leader = processes.lineClient(processes.endpoint("node1"));
        leader.send("SET nodes " + nodes);
        assertThat(leader.receive()).isEqualTo("ok");
        for (int id = 1; id <= nodes; id++) {
            LineClient client = processes.lineClient(processes.endpoint("node" + id));
            client.send("LEADER");
            assertThat(client.receive()).as("node %d's leader", id).isEqualTo("leader 1");
            client.send("GET nodes");
            assertThat(client.receive()).as("read on node %d", id).isEqualTo("value " + nodes);
        }
    }

    @ProcessTest
    void the_cluster_replicates_fails_over_and_takes_its_node_back(Processes processes, Logs logs, @TempDir Path data) {
        List<ChildProcess> nodes = processes.spawnAll(cluster(processes, data));
        List<LineClient> clients = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            LineClient client = processes.lineClient(processes.endpoint("node" + id));
            client.send("LEADER");
            assertThat(client.receive()).as("node %d's leader", id).isEqualTo("leader 1");
            clients.add(client);
        }
        clients.get(0).send("SET colour blue");
        assertThat(clients.get(0).receive()).isEqualTo("ok");
        clients.get(2).send("GET colour");
        assertThat(clients.get(2).receive()).as("copied to a follower").isEqualTo("value blue");

        LogMark beforeFailover = logs.mark();
        nodes.get(0).kill(); // returns at once: the failover starts now
        logs.since(beforeFailover).from("node2").await("node 2 is the leader");
        logs.since(beforeFailover).from("node3").await("node 3 follows leader 2");
        clients.get(1).send("SET size large");
        assertThat(clients.get(1).receive()).isEqualTo("ok");

        LogMark beforeRecovery = logs.mark();
        ChildProcess node1 = nodes.get(0).restart(); // same name, same data directory, its log goes on
        logs.since(beforeRecovery).from("node2").await("node 2 follows leader 1");
        LineClient again = processes.lineClient(processes.endpoint("node1"));
        again.send("GET colour");
        assertThat(again.receive()).as("read back from its data directory").isEqualTo("value blue");
        assertThat(node1.pid()).isNotEqualTo(nodes.get(0).pid());
    }

    @ProcessTest
    void a_frozen_leader_is_replaced_and_leads_again_once_it_thaws(Processes processes, Logs logs, @TempDir Path data) {
        List<ChildProcess> nodes = processes.spawnAll(cluster(processes, data));

        LogMark beforePause = logs.mark();
        nodes.get(0).pause(); // as a long garbage collection would: it holds its port, and answers nothing
        logs.since(beforePause).from("node2").await("node 2 is the leader");
        logs.since(beforePause).from("node3").await("node 3 follows leader 2"); // or it may never have seen node 1 gone

        LogMark beforeResume = logs.mark();
        nodes.get(0).resume();
        logs.since(beforeResume).from("node2").await("node 2 follows leader 1");
        logs.since(beforeResume).from("node3").await("node 3 follows leader 1");
    }

    @ProcessTest
    void a_node_that_is_not_a_member_refuses_to_start(Processes processes, @TempDir Path data) {
        ProgramResult result = processes.run(JavaChild.main(Node.class).args("4", data.toString(), "1=1", "2=2"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("node 4 is not among the cluster's nodes [1, 2]\n");
    }
}

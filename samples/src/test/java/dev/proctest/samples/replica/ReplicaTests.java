package dev.proctest.samples.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LogMark;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.Mesh;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;

/**
 * A primary and two backups, with the network between them, their processes and their clocks
 * broken on purpose: what the service promises must hold through each fault.
 */
class ReplicaTests {

    static final int NODES = 3;
    static final Duration HEARTBEAT = Duration.ofMillis(100);
    /** Long enough that a loaded machine's stalls (a 2-core machine running three nodes and the test) make no failover. */
    static final Duration FAILURE_TIMEOUT = Duration.ofMillis(2_000);
    private static final Pattern PRIMARY = Pattern.compile("node (\\d) is primary for term 1");

    private Mesh mesh;
    private List<ChildProcess> nodes;
    private int primary;
    /** The lowest-numbered backup: the one that takes over when the primary is gone. */
    private int successor;

    @BeforeEach
    void startTheCluster(Processes processes, Logs logs) {
        List<Endpoint> own = IntStream.range(0, NODES).mapToObj(node -> processes.endpoint("node" + node)).toList();
        mesh = processes.mesh(own);
        nodes = processes.spawnAll(IntStream.range(0, NODES).mapToObj(this::node).toList());
        LogRecord elected = logs.await(PRIMARY.pattern());
        Matcher matcher = PRIMARY.matcher(elected.message());
        assertThat(matcher.find()).isTrue();
        primary = Integer.parseInt(matcher.group(1));
        successor = primary == 0 ? 1 : 0;
        for (int node = 0; node < NODES; node++) { // every backup follows it before a fault
            if (node != primary) {
                nodes.get(node).logs().await("node " + node + " follows primary " + primary + " \\(term 1\\)");
            }
        }
    }

    /** Node {@code node}'s spec: its addresses as it sees them through the mesh; ready once it knows a primary. */
    JavaChild node(int node) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(node), String.valueOf(HEARTBEAT.toMillis()),
                String.valueOf(FAILURE_TIMEOUT.toMillis())));
        mesh.view(node).forEach(endpoint -> args.add(endpoint.address()));
        return JavaChild.main(ReplicaNode.class).name("node" + node).args(args.toArray(String[]::new))
                .clockOffset(Duration.ZERO).timePackages("dev.proctest.samples.replica") // a clock the test may jump, in the node's own code
                .readyWhen(Ready.whenLogged("node " + node + " (is primary|follows primary)"));
    }

    @ProcessTest
    void a_partitioned_primary_steps_down_and_a_backup_takes_over(Logs logs) {
        mesh.isolate(primary);
        nodes.get(primary).logs().await("node " + primary + " steps down: it hears 0 of its 2 peers, no majority");
        nodes.get(successor).logs().await("node " + successor + " is primary for term 2");
        mesh.heal();
        nodes.get(primary).logs().await("node " + primary + " follows primary " + successor + " \\(term 2\\)");
        assertThat(logs.lines()).filteredOn(line -> line.contains("is primary for term")).hasSize(2); // never two at once in a term
    }

    @ProcessTest
    void a_primary_paused_past_the_failure_timeout_is_replaced_and_rejoins() {
        LogMark beforePause = nodes.get(successor).logs().mark();
        nodes.get(primary).pause();
        nodes.get(successor).logs().since(beforePause).await("node " + successor + " is primary for term 2");
        nodes.get(primary).resume();
        nodes.get(primary).logs().await("node " + primary + " steps down");
        nodes.get(primary).logs().await("node " + primary + " follows primary " + successor + " \\(term 2\\)");
    }

    @ProcessTest
    void a_few_dropped_heartbeats_change_nothing(Logs logs) {
        LogMark mark = logs.mark();
        mesh.link(successor, primary).dropNext(3); // heartbeats the primary sends the successor
        logs.since(mark).await("node " + successor + " missed 3 heartbeats from node " + primary);
        LogMark afterTheDrops = logs.mark();
        logs.since(afterTheDrops).await("node " + primary + " holds the lease of term 1"); // up to a failure timeout later
        assertThat(logs.since(mark).lines()).noneMatch(line -> line.contains("is primary") || line.contains("steps down"));
    }

    @ProcessTest
    void heartbeats_delayed_past_the_timeout_one_way_make_a_needless_failover() {
        mesh.link(successor, primary).downstream().delay(FAILURE_TIMEOUT.multipliedBy(3));
        // the successor no longer hears the primary in time, takes over, and the primary, which still hears it, steps down
        nodes.get(successor).logs().await("node " + successor + " is primary for term 2");
        nodes.get(primary).logs().await("node " + primary + " steps down: node " + successor + " is primary for term 2");
        mesh.heal();
        nodes.get(primary).logs().await("node " + primary + " follows primary " + successor + " \\(term 2\\)");
    }

    @ProcessTest
    void a_primary_whose_wall_clock_jumps_keeps_its_lease(Logs logs) {
        ChildProcess node = nodes.get(primary);
        LogMark mark = logs.mark();
        node.shiftClock(Duration.ofHours(1));
        logs.since(mark).await("node " + primary + "'s clock is 3600 s ahead of node " + successor + "'s");
        LogMark ahead = logs.mark();
        logs.since(ahead).await("node " + primary + " holds the lease of term 1"); // up to a failure timeout on
        node.shiftClock(Duration.ofHours(-2));
        logs.since(ahead).await("node " + primary + "'s clock is 3600 s behind node " + successor + "'s");
        LogMark behind = logs.mark();
        logs.since(behind).await("node " + primary + " holds the lease of term 1");
        assertThat(Duration.between(Instant.now(), node.clock().instant())).isBetween(Duration.ofMinutes(-61), Duration.ofMinutes(-59));
        // the protocol times leases and failures on the monotonic clock: a stepped wall clock changes nothing
        assertThat(logs.since(mark).lines()).noneMatch(line -> line.contains("steps down") || line.contains("is primary"));
    }

    @ProcessTest
    void a_restarted_backup_rejoins_the_same_primary(Logs logs) {
        int backup = IntStream.range(0, NODES).filter(node -> node != primary).max().orElseThrow();
        LogMark mark = logs.mark();
        nodes.get(backup).restart();
        logs.since(mark).await("node " + backup + " follows primary " + primary + " \\(term 1\\)");
        assertThat(nodes.get(primary).logs().lines()).noneMatch(line -> line.contains("steps down"));
    }
}

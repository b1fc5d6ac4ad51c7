package dev.proctest.benchmarks.zookeeper;

import static dev.proctest.benchmarks.zookeeper.PartitionedEnsemble.DEADLINE;
import static dev.proctest.benchmarks.zookeeper.PartitionedEnsemble.name;
import static dev.proctest.benchmarks.zookeeper.Steps.note;
import static dev.proctest.benchmarks.zookeeper.Steps.time;

import dev.proctest.Link;
import dev.proctest.LogMark;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real three-node ZooKeeper ensemble with the network between its nodes broken by proctest's
 * links: each node's {@code server.N} lines come from two meshes, one over the quorum ports and one
 * over the election ports, so that node {@code i}'s own line has its real ports and the others' the
 * links of {@code mesh.view(i)}. The leader is isolated, one direction between two nodes blocked, a
 * quorum link slowed past {@code syncLimit × tickTime}, and a client's path partitioned; for
 * comparison, the leader is also killed and frozen, with and without the meshes. Every wait is a
 * condition with a deadline: {@code srvr} polled on the client ports, or a client's events.
 *
 * <p>Not part of the build's tests: {@link ZooKeeperPartitionRunner} runs it and prints what each
 * step took.
 *
 * <p>{@link #aFollowerBehindALinkSlowWithinTheSyncWindowStaysAFollower} once failed: a link
 * delayed in both directions that carried traffic both ways multiplied its thread's timers, so
 * that what it carried came ever later and the follower dropped out although 700 ms each way is
 * well inside the window. It passes now, each synced read taking about 4.3 s. The aKilledLeader
 * pair shows the other difference links make: a follower that connects to a new leader not yet
 * listening is accepted by the link, then reset, where without links it would be refused and
 * retry; the failover then waits for another round.
 */
public class ZooKeeperPartitionTestCase {

    /** {@code tickTime × syncLimit} of {@link Ensemble}'s configuration: how long a leader or follower waits for the other. */
    static final Duration SYNC_WINDOW = Duration.ofMillis(500 * 5);

    private PartitionedEnsemble zk;

    // ---------------------------------------------------------------------------------------------
    // the leader cut off from both others

    @ProcessTest
    void anIsolatedLeaderIsReplacedStopsServingAndRejoinsAsAFollower(Processes processes, Logs logs, @TempDir Path directory)
            throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, true);
        int leader = zk.awaitLeaderAmong(zk.all());
        List<Integer> rest = zk.allBut(leader);
        Probe.write(zk.ports.get(rest.get(0)), "/p", "1");

        LogMark beforeIsolation = logs.mark();
        long isolated = System.nanoTime();
        zk.quorum.isolate(leader);
        zk.election.isolate(leader);
        int next = zk.awaitLeaderAmong(rest);
        time("isolate the leader: the others elect a new one", isolated);
        zk.awaitMode(leader, "not serving", "the isolated old leader stops serving");
        time("isolate the leader: the old one stops serving", isolated);
        // what the old leader says of it, to check that srvr and the log agree
        logs.since(beforeIsolation).from(name(leader)).within(DEADLINE).await("LOOKING");
        Probe.write(zk.ports.get(next), "/p", "2");

        long healed = System.nanoTime();
        zk.quorum.heal();
        zk.election.heal();
        int after = zk.awaitLeaderAmong(zk.all());
        time("heal: the old leader follows again", healed);
        zk.check(after == next, "the leader after the heal is " + name(after) + ", expected " + name(next) + " to stay");
        zk.check(Probe.read(zk.ports.get(leader), "/p").equals("2"), "the old leader does not read the write of the new quorum");
    }

    // ---------------------------------------------------------------------------------------------
    // one direction between the leader and a follower

    @ProcessTest
    void aFollowerThatDoesNotHearTheLeaderDropsOutAndRejoins(Processes processes, @TempDir Path directory) throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, true);
        int leader = zk.awaitLeaderAmong(zk.all());
        int deaf = zk.allBut(leader).get(0);
        int other = zk.allBut(leader).get(1);

        long blocked = System.nanoTime();
        zk.quorum.block(leader, deaf);
        zk.election.block(leader, deaf);
        zk.awaitMode(deaf, "not serving", "the follower that hears nothing of the leader stops serving");
        time("block leader -> follower: the follower stops serving", blocked);
        zk.check(zk.awaitLeaderAmong(List.of(leader, other)) == leader, "the leader changed");
        Probe.write(zk.ports.get(other), "/b", "1");

        long healed = System.nanoTime();
        zk.quorum.heal();
        zk.election.heal();
        zk.check(zk.awaitLeaderAmong(zk.all()) == leader, "the leader changed at the heal");
        time("block leader -> follower: heal, follows again", healed);
        zk.check(Probe.read(zk.ports.get(deaf), "/b").equals("1"), "the follower does not read what was written meanwhile");
    }

    @ProcessTest
    void aFollowerTheLeaderDoesNotHearIsDroppedAndRejoins(Processes processes, @TempDir Path directory) throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, true);
        int leader = zk.awaitLeaderAmong(zk.all());
        int mute = zk.allBut(leader).get(0);
        int other = zk.allBut(leader).get(1);

        long blocked = System.nanoTime();
        zk.quorum.block(mute, leader);
        zk.election.block(mute, leader);
        zk.awaitMode(mute, "not serving", "the follower the leader does not hear stops serving");
        time("block follower -> leader: the follower stops serving", blocked);
        zk.check(zk.awaitLeaderAmong(List.of(leader, other)) == leader, "the leader changed");
        Probe.write(zk.ports.get(other), "/b", "1");

        long healed = System.nanoTime();
        zk.quorum.heal();
        zk.election.heal();
        zk.check(zk.awaitLeaderAmong(zk.all()) == leader, "the leader changed at the heal");
        time("block follower -> leader: heal, follows again", healed);
        zk.check(Probe.read(zk.ports.get(mute), "/b").equals("1"), "the follower does not read what was written meanwhile");
    }

    // ---------------------------------------------------------------------------------------------
    // a slow path between a follower and the leader

    @ProcessTest
    void aFollowerBehindALinkSlowWithinTheSyncWindowStaysAFollower(Processes processes, Logs logs, @TempDir Path directory)
            throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, true);
        int leader = zk.awaitLeaderAmong(zk.all());
        int slow = zk.allBut(leader).get(0);
        Link path = zk.quorum.link(slow, leader); // the follower opens the connection to the leader's quorum port
        Duration within = Duration.ofMillis(700); // a round trip of 1.4 s, inside the 2.5 s window
        LogMark beforeDelay = logs.mark();
        path.delay(within);
        for (int round = 1; round <= 5; round++) {
            Probe.write(zk.ports.get(leader), "/d", String.valueOf(round));
            long read = System.nanoTime();
            zk.check(Probe.read(zk.ports.get(slow), "/d").equals(String.valueOf(round)), "the slow follower does not read write " + round);
            time("delay " + within.toMillis() + " ms: synced read " + round + " through the slow follower", read);
        }
        List<String> dropped = logs.since(beforeDelay).from(name(slow)).lines().stream()
                .filter(line -> line.contains("Exception when following the leader") || line.contains("Disconnected from leader")).toList();
        zk.check(dropped.isEmpty(), "the follower behind a " + within.toMillis() + " ms link, inside the sync window, left the leader: " + dropped);
        zk.check(Probe.mode(zk.ports.get(slow)).equals("follower"), "the slow follower is " + Probe.mode(zk.ports.get(slow)));
    }

    @ProcessTest
    void aFollowerBehindALinkSlowPastTheSyncWindowDropsOutAndRejoins(Processes processes, @TempDir Path directory) throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, true);
        int leader = zk.awaitLeaderAmong(zk.all());
        int slow = zk.allBut(leader).get(0);
        int other = zk.allBut(leader).get(1);
        Link path = zk.quorum.link(slow, leader);

        Duration past = SYNC_WINDOW.plusSeconds(1);
        long slowed = System.nanoTime();
        path.delay(past);
        zk.awaitMode(slow, "not serving", "the follower behind a " + past.toMillis() + " ms link stops serving");
        time("delay " + past.toMillis() + " ms: the follower stops serving", slowed);
        zk.check(zk.awaitLeaderAmong(List.of(leader, other)) == leader, "the leader changed");
        Probe.write(zk.ports.get(other), "/d", "2");

        long healed = System.nanoTime();
        path.heal();
        zk.check(zk.awaitLeaderAmong(zk.all()) == leader, "the leader changed at the heal");
        time("delay " + past.toMillis() + " ms: heal, follows again", healed);
        zk.check(Probe.read(zk.ports.get(slow), "/d").equals("2"), "the follower does not read what was written meanwhile");
    }

    // ---------------------------------------------------------------------------------------------
    // a client's path partitioned

    @ProcessTest
    void aClientSessionSurvivesAPartitionHealedWithinItsTimeoutAndExpiresPastIt(Processes processes, @TempDir Path directory)
            throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, false);
        int leader = zk.awaitLeaderAmong(zk.all());
        int served = zk.allBut(leader).get(0);
        Link path = processes.link(processes.endpoint("zk" + (served + 1)));
        int sessionTimeout = 4_000;
        BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();
        ZooKeeper client = new ZooKeeper("127.0.0.1:" + path.endpoint().port(), sessionTimeout, event -> {
            if (event.getType() == org.apache.zookeeper.Watcher.Event.EventType.None) {
                states.add(event.getState());
            }
        });
        ZooKeeper direct = Clients.connect(zk.ports.get(served));
        try {
            Clients.awaitState(states, KeeperState.SyncConnected);
            long session = client.getSessionId();
            zk.check(client.getSessionTimeout() == sessionTimeout, "negotiated session timeout " + client.getSessionTimeout());
            client.create("/eph", "before".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);

            // healed as soon as the client has noticed, well within the session timeout
            long partitioned = System.nanoTime();
            path.partition();
            CompletableFuture<Integer> inTheGap = new CompletableFuture<>();
            client.setData("/eph", "during".getBytes(StandardCharsets.UTF_8), -1, (rc, p, context, stat) -> inTheGap.complete(rc), null);
            Clients.awaitState(states, KeeperState.Disconnected);
            time("client partition: the client sees Disconnected", partitioned);
            int rc = inTheGap.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            long healed = System.nanoTime();
            path.heal();
            Clients.awaitState(states, KeeperState.SyncConnected);
            time("client partition: heal, the session is back", healed);
            zk.check(client.getSessionId() == session, "a new session after the heal");
            zk.check(client.exists("/eph", false) != null, "the ephemeral node is gone: the session did not survive");
            String seen = new String(direct.getData("/eph", false, null), StandardCharsets.UTF_8);
            note("client partition: a setData sent into the partition ended " + KeeperException.Code.get(rc)
                    + "; the value after the heal is '" + seen + "'");

            // kept until the server has expired the session
            partitioned = System.nanoTime();
            path.partition();
            Clients.awaitState(states, KeeperState.Disconnected);
            zk.await("the server expires the partitioned client's session", () -> Clients.exists(direct, "/eph") == false);
            time("client partition: the server expires the session", partitioned);
            healed = System.nanoTime();
            path.heal();
            Clients.awaitState(states, KeeperState.Expired);
            time("client partition: heal, the client hears Expired", healed);
        } finally {
            client.close();
            direct.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // for comparison: the leader killed or frozen, with and without the meshes in the paths

    @ProcessTest
    void aKilledLeaderIsReplacedWithoutLinks(Processes processes, @TempDir Path directory) throws Exception {
        killTheLeader(processes, directory, false);
    }

    @ProcessTest
    void aKilledLeaderIsReplacedThroughTheMeshes(Processes processes, @TempDir Path directory) throws Exception {
        killTheLeader(processes, directory, true);
    }

    @ProcessTest
    void aFrozenLeaderIsReplacedAndRejoinsWithoutLinks(Processes processes, @TempDir Path directory) throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, false);
        int leader = zk.awaitLeaderAmong(zk.all());
        List<Integer> rest = zk.allBut(leader);
        long paused = System.nanoTime();
        zk.nodes.get(leader).pause();
        int next = zk.awaitLeaderAmong(rest);
        time("pause the leader (no links): the others elect a new one", paused);
        long resumed = System.nanoTime();
        zk.nodes.get(leader).resume();
        zk.check(zk.awaitLeaderAmong(zk.all()) == next, "the leader changed when the old one thawed");
        time("resume (no links): the old leader follows again", resumed);
    }

    private void killTheLeader(Processes processes, Path directory, boolean meshed) throws Exception {
        zk = PartitionedEnsemble.start(processes, directory, meshed);
        int leader = zk.awaitLeaderAmong(zk.all());
        List<Integer> rest = zk.allBut(leader);
        String how = meshed ? "through the meshes" : "no links";
        long killed = System.nanoTime();
        zk.nodes.get(leader).kill();
        zk.awaitLeaderAmong(rest);
        time("kill the leader (" + how + "): the others elect a new one", killed);
        zk.nodes.get(leader).awaitExit(DEADLINE);
        long restarted = System.nanoTime();
        zk.nodes.set(leader, zk.nodes.get(leader).restart());
        zk.awaitLeaderAmong(zk.all());
        time("restart (" + how + "): the old leader follows again", restarted);
    }
}

package dev.proctest.benchmarks.zookeeper;

import java.util.ArrayList;
import java.util.List;

/**
 * What both sides do with the ensemble, step by step; only how the nodes' processes are started,
 * killed and restarted differs.
 */
final class Scenario {

    /** The nodes' processes, as one side manages them. */
    interface Nodes {
        /** Starts all nodes at once; returns once each listens for clients. */
        void startAll() throws Exception;

        /** Kills node {@code index} (from 0) with SIGKILL; returns once it has exited. */
        void kill(int index) throws Exception;

        /** Starts node {@code index} again; returns once it listens for clients. */
        void restart(int index) throws Exception;
    }

    private Scenario() {}

    /** Starts the ensemble, reads through every node, kills the leader, writes through the new quorum, restarts the node and reads through it. */
    static void play(Ensemble ensemble, Nodes nodes) throws Exception {
        nodes.startAll();
        List<Integer> ports = ensemble.clientPorts();
        int leader = Probe.awaitLeader(ports);
        Probe.write(ports.get(0), "/bench", "1");
        for (int port : ports) {
            check(Probe.read(port, "/bench"), "1", port);
        }
        nodes.kill(leader);
        List<Integer> rest = new ArrayList<>(ports);
        rest.remove(leader);
        Probe.awaitLeader(rest);
        Probe.write(rest.get(0), "/bench", "2");
        nodes.restart(leader);
        Probe.awaitLeader(ports);
        check(Probe.read(ports.get(leader), "/bench"), "2", ports.get(leader));
    }

    private static void check(String read, String expected, int port) {
        if (!read.equals(expected)) {
            throw new IllegalStateException("read " + read + " through port " + port + ", expected " + expected);
        }
    }
}

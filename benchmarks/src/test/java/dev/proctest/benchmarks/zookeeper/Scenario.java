package dev.proctest.benchmarks.zookeeper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The steps of the last play, in order, with the seconds each took; one play runs at a time. */
    private static final Map<String, Double> STEPS = new LinkedHashMap<>();

    private static long stepStart;

    private Scenario() {}

    /** Starts the ensemble, reads through every node, kills the leader, writes through the new quorum, restarts the node and reads through it. */
    static synchronized void play(Ensemble ensemble, Nodes nodes) throws Exception {
        STEPS.clear();
        stepStart = System.nanoTime();
        nodes.startAll();
        step("start, to listening");
        List<Integer> ports = ensemble.clientPorts();
        int leader = Probe.awaitLeader(ports);
        step("to a leader");
        Probe.write(ports.get(0), "/bench", "1");
        for (int port : ports) {
            check(Probe.read(port, "/bench"), "1", port);
        }
        step("write, read through all");
        nodes.kill(leader);
        step("kill the leader");
        List<Integer> rest = new ArrayList<>(ports);
        rest.remove(leader);
        Probe.awaitLeader(rest);
        Probe.write(rest.get(0), "/bench", "2");
        step("new leader, write");
        nodes.restart(leader);
        step("restart, to listening");
        Probe.awaitLeader(ports);
        check(Probe.read(ports.get(leader), "/bench"), "2", ports.get(leader));
        step("follows, read through it");
    }

    /** The steps of the last play and what each took, in seconds, in order. */
    static synchronized Map<String, Double> steps() {
        return new LinkedHashMap<>(STEPS);
    }

    private static synchronized void step(String name) {
        long now = System.nanoTime();
        STEPS.put(name, (now - stepStart) / 1e9);
        stepStart = now;
    }

    private static void check(String read, String expected, int port) {
        if (!read.equals(expected)) {
            throw new IllegalStateException("read " + read + " through port " + port + ", expected " + expected);
        }
    }
}

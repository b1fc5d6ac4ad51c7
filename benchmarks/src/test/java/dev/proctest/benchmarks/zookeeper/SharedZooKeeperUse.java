package dev.proctest.benchmarks.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctest.Processes;
import dev.proctest.Shared;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * What the two classes sharing one ZooKeeper server do: meet, ask for it at once, and write and
 * read under a path of their own, which keeps each test's data apart from the other's.
 */
final class SharedZooKeeperUse {

    /** The pid of the server each test was given. */
    static final Queue<Long> PIDS = new ConcurrentLinkedQueue<>();
    static final CyclicBarrier TOGETHER = new CyclicBarrier(2);

    private SharedZooKeeperUse() {}

    static void writeAndRead(Processes processes, String what) throws Exception {
        TOGETHER.await(60, TimeUnit.SECONDS);
        Shared zookeeper = processes.shared(SharedZooKeeper.class);
        PIDS.add(zookeeper.child().pid());
        int port = zookeeper.endpoint("client").port();
        String path = "/" + what + "-" + UUID.randomUUID(); // the test's own: nothing another test wrote is in its way
        Probe.write(port, path, what);
        assertEquals(what, Probe.read(port, path));
        assertEquals("standalone", Probe.mode(port));
    }
}

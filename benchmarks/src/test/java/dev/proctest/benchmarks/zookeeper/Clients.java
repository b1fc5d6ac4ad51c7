package dev.proctest.benchmarks.zookeeper;

import static dev.proctest.benchmarks.zookeeper.PartitionedEnsemble.DEADLINE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooKeeper;

/** ZooKeeper clients of {@link ZooKeeperPartitionTestCase}: connecting, and waiting for a session's states within the deadline. */
final class Clients {

    private Clients() {}

    static void awaitState(BlockingQueue<KeeperState> states, KeeperState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<KeeperState> seen = new ArrayList<>();
        while (true) {
            KeeperState state = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (state == null) {
                throw new AssertionError("the client did not see " + wanted + " within " + DEADLINE.toSeconds() + " s; it saw " + seen);
            }
            seen.add(state);
            if (state == wanted) {
                return;
            }
        }
    }

    static ZooKeeper connect(int port) throws IOException, InterruptedException {
        BlockingQueue<KeeperState> states = new LinkedBlockingQueue<>();
        ZooKeeper client = new ZooKeeper("127.0.0.1:" + port, 10_000, event -> states.add(event.getState()));
        awaitState(states, KeeperState.SyncConnected);
        return client;
    }

    static boolean exists(ZooKeeper client, String path) {
        try {
            return client.exists(path, false) != null;
        } catch (KeeperException e) {
            throw new IllegalStateException("cannot ask whether " + path + " exists", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

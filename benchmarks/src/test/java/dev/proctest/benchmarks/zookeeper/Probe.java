package dev.proctest.benchmarks.zookeeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * What both sides of the benchmark ask the nodes, the same way: a node's role ({@code srvr}), and
 * reads and writes through a node with ZooKeeper's own client. Every wait has a deadline.
 */
public final class Probe {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Probe() {}

    /** Waits until exactly one of the nodes at {@code ports} leads and the others follow; returns the leader's index. */
    public static int awaitLeader(List<Integer> ports) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            int leader = -1;
            int followers = 0;
            for (int n = 0; n < ports.size(); n++) {
                String mode = mode(ports.get(n));
                if (mode.equals("leader")) {
                    leader = n;
                } else if (mode.equals("follower")) {
                    followers++;
                }
            }
            if (leader >= 0 && followers == ports.size() - 1) {
                return leader;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader with " + (ports.size() - 1) + " followers among " + ports + " within "
                        + DEADLINE);
            }
            Thread.sleep(20); // polling a server that has no event to wait for: the hand-written side does the same
        }
    }

    /** The node's mode, as {@code srvr} says it ({@code leader}, {@code follower}), or {@code down}. */
    public static String mode(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : answer.split("\n")) {
                if (line.startsWith("Mode: ")) {
                    return line.substring("Mode: ".length()).strip();
                }
            }
            return "not serving";
        } catch (IOException e) {
            return "down";
        }
    }

    /** Writes {@code data} at {@code path} through the node at {@code port}, creating it if need be. */
    public static void write(int port, String path, String data) throws InterruptedException {
        ZooKeeper client = connect(port);
        try {
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            try {
                client.create(path, bytes, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                client.setData(path, bytes, -1);
            }
        } catch (KeeperException e) {
            throw new IllegalStateException("cannot write " + path + " through port " + port, e);
        } finally {
            client.close();
        }
    }

    /** Reads {@code path} through the node at {@code port}, after syncing it with the leader. */
    public static String read(int port, String path) throws InterruptedException {
        ZooKeeper client = connect(port);
        try {
            CountDownLatch synced = new CountDownLatch(1);
            client.sync(path, (rc, p, context) -> synced.countDown(), null);
            if (!synced.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("port " + port + " did not sync within " + DEADLINE);
            }
            return new String(client.getData(path, false, null), StandardCharsets.UTF_8);
        } catch (KeeperException e) {
            throw new IllegalStateException("cannot read " + path + " through port " + port, e);
        } finally {
            client.close();
        }
    }

    private static ZooKeeper connect(int port) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        try {
            ZooKeeper client = new ZooKeeper("127.0.0.1:" + port, 10_000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            if (!connected.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                client.close();
                throw new IllegalStateException("no session through port " + port + " within " + DEADLINE);
            }
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

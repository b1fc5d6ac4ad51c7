package dev.proctest.benchmarks.zookeeper;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ZooKeeperServerMain;

/**
 * A standalone ZooKeeper server on a virtual clock, its client in the test JVM on real time: the
 * client connects with a 4 s session, creates an ephemeral node and reads it every 100 ms of real
 * time for 3 s. Whether the session lives depends on the grace ({@code proctest.time.virtual.grace}),
 * which {@link VirtualZooKeeperRunner} sets: the server waits for the client in I/O, and once it has
 * been quiet for the grace its clock jumps to the next deadline, which may be the session's expiry.
 */
public class VirtualZooKeeperTestCase {

    /** What the last run saw, for the runner. */
    static volatile String seen = "";

    @ProcessTest
    void aClientOnRealTimeKeepsItsSessionOnAServerWithAVirtualClock(Processes processes) throws Exception {
        Endpoint client = processes.endpoint("client");
        Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "virtual-zookeeper-");
        Files.writeString(directory.resolve("zoo.cfg"), String.join("\n", "tickTime=2000",
                "dataDir=" + Files.createDirectories(directory.resolve("data")), "clientPort=" + client.port(),
                "clientPortAddress=127.0.0.1", "admin.enableServer=false", ""));
        ChildProcess server = processes.spawn(JavaChild.main(ZooKeeperServerMain.class).name("zookeeper")
                .args(directory.resolve("zoo.cfg").toString()).virtualTime()
                .readyWhen(Ready.listening(client).within(Duration.ofSeconds(60))));
        Instant ready = server.clock().instant();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zoo = new ZooKeeper("127.0.0.1:" + client.port(), 4_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        int reads = 0;
        try {
            assertTrue(connected.await(20, TimeUnit.SECONDS), "connected");
            zoo.create("/e", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            for (long end = System.nanoTime() + Duration.ofSeconds(3).toNanos(); System.nanoTime() < end; reads++) {
                assertNotNull(zoo.exists("/e", false), "the ephemeral node");
                Thread.sleep(100); // the test's own pace, in real time
            }
        } catch (KeeperException e) {
            seen = e.getMessage() + "; ";
            throw e;
        } finally {
            seen += String.format("%d reads, then %s; the server's clock moved %s", reads, zoo.getState(),
                    Duration.between(ready, server.clock().instant()));
            zoo.close();
        }
    }
}

package dev.proctest.benchmarks.zookeeper;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** One of two classes that share one ZooKeeper server. */
public class SharedZooKeeperWritesTestCase {

    @ProcessTest
    void writesThroughTheSharedServer(Processes processes) throws Exception {
        SharedZooKeeperUse.writeAndRead(processes, "writes");
    }
}

package dev.proctest.benchmarks.zookeeper;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** The other of two classes that share one ZooKeeper server. */
public class SharedZooKeeperReadsTestCase {

    @ProcessTest
    void readsThroughTheSharedServer(Processes processes) throws Exception {
        SharedZooKeeperUse.writeAndRead(processes, "reads");
    }
}

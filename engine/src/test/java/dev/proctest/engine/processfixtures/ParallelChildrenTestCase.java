package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Server;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** Four tests that spawn children at the same moment, each checking it got its own child and port. */
public class ParallelChildrenTestCase {

    public static volatile CyclicBarrier together = new CyclicBarrier(4);
    public static final Set<Integer> PORTS = ConcurrentHashMap.newKeySet();

    @ProcessTest
    void first(Processes processes) throws Exception {
        spawnTogether(processes);
    }

    @ProcessTest
    void second(Processes processes) throws Exception {
        spawnTogether(processes);
    }

    @ProcessTest
    void third(Processes processes) throws Exception {
        spawnTogether(processes);
    }

    @ProcessTest
    void fourth(Processes processes) throws Exception {
        spawnTogether(processes);
    }

    private static void spawnTogether(Processes processes) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        assertThat(PORTS.add(processes.endpoint("server").port())).as("a port no other test has").isTrue();
        ChildProcess server = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));
        assertThat(server.published("pid", Long.class)).isEqualTo(server.pid());
    }
}

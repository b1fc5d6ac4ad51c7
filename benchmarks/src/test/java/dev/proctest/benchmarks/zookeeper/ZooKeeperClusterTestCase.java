package dev.proctest.benchmarks.zookeeper;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;
import org.junit.jupiter.api.io.TempDir;

/** The scenario with proctest: the nodes started with {@code spawnAll}, killed with {@code kill()}, restarted with {@code restart()}. */
public class ZooKeeperClusterTestCase {

    @ProcessTest
    void theEnsembleSurvivesItsLeader(Processes processes, @TempDir Path directory) throws Exception {
        List<Ensemble.Ports> ports = new ArrayList<>();
        List<Endpoint> clients = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Endpoint client = processes.endpoint("zk" + n);
            clients.add(client);
            ports.add(new Ensemble.Ports(client.port(), processes.endpoint("zk" + n + "-quorum").port(),
                    processes.endpoint("zk" + n + "-election").port()));
        }
        Ensemble ensemble = new Ensemble(directory, ports);
        List<Path> configs = ensemble.write();
        List<ChildProcess> nodes = new ArrayList<>();
        Scenario.play(ensemble, new Scenario.Nodes() {
            @Override
            public void startAll() {
                List<JavaChild> specs = new ArrayList<>();
                for (int n = 0; n < 3; n++) {
                    specs.add(JavaChild.main(QuorumPeerMain.class).name("zk" + (n + 1)).args(configs.get(n).toString())
                            .readyWhen(Ready.listening(clients.get(n))));
                }
                nodes.addAll(processes.spawnAll(specs));
            }

            @Override
            public void kill(int index) {
                nodes.get(index).kill();
                nodes.get(index).awaitExit(java.time.Duration.ofSeconds(30));
            }

            @Override
            public void restart(int index) {
                nodes.set(index, nodes.get(index).restart());
            }
        });
    }
}

package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Mesh;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.LineEcho;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** A mesh of links between three real line server children: each node's view, and partitions between them. */
public class MeshTestCase {

    private final List<Endpoint> nodes = new ArrayList<>();

    @BeforeEach
    void startThreeNodes(Processes processes) {
        for (int node = 0; node < 3; node++) {
            nodes.add(processes.endpoint("node" + node));
        }
        processes.spawnAll(nodes.stream().map(node -> JavaChild.main(LineEcho.class).args(String.valueOf(node.port()))
                .readyWhen(Ready.listening(node))).toList());
    }

    @ProcessTest
    void eachNodeSeesItselfAndALinkToEveryOther(Processes processes) {
        Mesh mesh = processes.mesh(nodes);
        assertThat(mesh.size()).isEqualTo(3);
        assertThat(mesh.view(0)).hasSize(3).first().isEqualTo(nodes.get(0));
        assertThat(mesh.view(0).get(1)).isEqualTo(mesh.link(0, 1).endpoint()).isNotEqualTo(mesh.view(2).get(1));
        assertThat(mesh.link(0, 1).target()).isEqualTo(nodes.get(1));
        assertThat(mesh.endpoint(2, 2)).isEqualTo(nodes.get(2));
        assertThat(mesh.link(1, 2).name()).isEqualTo("node 1 to node 2");
        assertThat(processes.mesh("election", nodes).link(2, 0).name()).isEqualTo("election: node 2 to node 0");
        assertThatThrownBy(() -> mesh.link(1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> mesh.endpoint(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> mesh.partition(List.of(0, 1), List.of(1, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share [1]");
        assertThatThrownBy(() -> processes.mesh(List.of(nodes.get(0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> processes.mesh(List.of(nodes.get(0), nodes.get(0)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names one twice");
    }

    @ProcessTest
    void anIsolatedNodeHearsNobodyAndNobodyHearsIt(Processes processes) {
        Mesh mesh = processes.mesh(nodes);
        LineClient zeroToOne = processes.lineClient(mesh.endpoint(0, 1));
        LineClient twoToZero = processes.lineClient(mesh.endpoint(2, 0));
        LineClient oneToTwo = processes.lineClient(mesh.endpoint(1, 2));
        mesh.isolate(0);
        zeroToOne.send("from 0");
        twoToZero.send("to 0");
        oneToTwo.send("between 1 and 2");
        assertThat(oneToTwo.receive()).isEqualTo("between 1 and 2");
        zeroToOne.expectNothing(Duration.ofMillis(200));
        twoToZero.expectNothing(Duration.ofMillis(1));
        mesh.heal();
        assertThat(zeroToOne.receive()).isEqualTo("from 0");
        assertThat(twoToZero.receive()).isEqualTo("to 0");
    }

    @ProcessTest
    void aBlockCutsOnlyTheLinksBetweenItsTwoNodes(Processes processes) {
        Mesh mesh = processes.mesh(nodes);
        LineClient zeroToOne = processes.lineClient(mesh.endpoint(0, 1));
        LineClient oneToZero = processes.lineClient(mesh.endpoint(1, 0));
        LineClient twoToOne = processes.lineClient(mesh.endpoint(2, 1));
        mesh.block(0, 1);
        zeroToOne.send("0 asks 1"); // the question does not arrive
        oneToZero.send("1 asks 0"); // the question arrives, the answer does not
        twoToOne.send("2 asks 1");
        assertThat(twoToOne.receive()).isEqualTo("2 asks 1");
        zeroToOne.expectNothing(Duration.ofMillis(200));
        oneToZero.expectNothing(Duration.ofMillis(1));
        mesh.link(1, 0).downstream().heal(); // what 0 sends 1 on 1's connection flows again
        assertThat(oneToZero.receive()).isEqualTo("1 asks 0");
        zeroToOne.expectNothing(Duration.ofMillis(100));
        mesh.heal();
        assertThat(zeroToOne.receive()).isEqualTo("0 asks 1");
    }
}

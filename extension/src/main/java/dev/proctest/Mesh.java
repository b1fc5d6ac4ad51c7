package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collection;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The links between the nodes of a cluster, one for each ordered pair of nodes: node {@code i}
 * reaches node {@code j} through {@link #endpoint(int, int) endpoint(i, j)}, so that a test can cut
 * nodes off from each other in one line. Make one with {@link Processes#mesh(List)} from each
 * node's own endpoint (the one it binds), then write each node's configuration from its view:
 *
 * <pre>{@code
 * Mesh mesh = processes.mesh(List.of(processes.endpoint("n0"), processes.endpoint("n1"), processes.endpoint("n2")));
 * for (int node = 0; node < 3; node++) {
 *     specs.add(JavaChild.main(Node.class).args(mesh.view(node).stream().map(Endpoint::address).toList()));
 * }
 * processes.spawnAll(specs);
 * mesh.isolate(0);                          // node 0 hears nobody, nobody hears node 0
 * }</pre>
 *
 * <p>Nodes are numbered from 0 in the order of their endpoints. A link carries the connections
 * its first node opens to its second, in both directions; faults on the mesh set those links'
 * faults, which {@link #link(int, int)} gives for finer ones. A mesh's fault is set link by link,
 * each at once, not all in one instant: traffic on a link not yet set may pass meanwhile.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @since 0.3
 */
@API(status = EXPERIMENTAL, since = "0.3")
@NotExtensible
public interface Mesh {

    /** Returns the number of nodes. */
    int size();

    /**
     * Returns the endpoint node {@code from} uses to reach node {@code to}: the link between them, or
     * for {@code from == to} the node's own endpoint.
     *
     * @throws IndexOutOfBoundsException for a node that is not in the mesh
     */
    Endpoint endpoint(int from, int to);

    /** Returns every node's endpoint as node {@code from} sees it, in node order: its own, and links to the others. */
    List<Endpoint> view(int from);

    /**
     * Returns the link that carries the connections node {@code from} opens to node {@code to}.
     *
     * @throws IllegalArgumentException for {@code from == to}
     */
    Link link(int from, int to);

    /**
     * Partitions the nodes of {@code side} from those of {@code otherSide}, in both directions;
     * links within each side are left as they are.
     *
     * @throws IllegalArgumentException if the sides share a node
     */
    void partition(Collection<Integer> side, Collection<Integer> otherSide);

    /** Partitions {@code node} from every other node. */
    void isolate(int node);

    /**
     * Lets nothing {@code from} sends reach {@code to}, while {@code to} is still heard by {@code
     * from}: an asymmetric partition.
     */
    void block(int from, int to);

    /** Heals every link of the mesh. */
    void heal();
}

package dev.proctest.engine.links;

import dev.proctest.Endpoint;
import dev.proctest.Link;
import dev.proctest.Mesh;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/** The {@link Mesh} of a scope: a link for each ordered pair of nodes. */
final class LinkMesh implements Mesh {

    private final List<Endpoint> nodes;
    private final Link[][] links;

    LinkMesh(List<Endpoint> nodes, Link[][] links) {
        this.nodes = nodes;
        this.links = links;
    }

    @Override
    public int size() {
        return nodes.size();
    }

    @Override
    public Endpoint endpoint(int from, int to) {
        check(from);
        check(to);
        return from == to ? nodes.get(from) : links[from][to].endpoint();
    }

    @Override
    public List<Endpoint> view(int from) {
        check(from);
        return IntStream.range(0, size()).mapToObj(to -> endpoint(from, to)).toList();
    }

    @Override
    public Link link(int from, int to) {
        check(from);
        check(to);
        if (from == to) {
            throw new IllegalArgumentException("Node " + from + " reaches itself through no link");
        }
        return links[from][to];
    }

    @Override
    public void partition(Collection<Integer> side, Collection<Integer> otherSide) {
        Set<Integer> one = nodes(side);
        Set<Integer> other = nodes(otherSide);
        Set<Integer> shared = new HashSet<>(one);
        shared.retainAll(other);
        if (!shared.isEmpty()) {
            throw new IllegalArgumentException("A partition's sides share no node, but " + side + " and " + otherSide + " share " + shared);
        }
        for (int a : one) {
            for (int b : other) {
                links[a][b].partition();
                links[b][a].partition();
            }
        }
    }

    @Override
    public void isolate(int node) {
        check(node);
        List<Integer> others = new ArrayList<>();
        IntStream.range(0, size()).filter(other -> other != node).forEach(others::add);
        partition(List.of(node), others);
    }

    @Override
    public void block(int from, int to) {
        link(from, to).upstream().partition(); // what from sends on connections it opened
        links[to][from].downstream().partition(); // and its answers on connections to opened
    }

    @Override
    public void heal() {
        for (Link[] row : links) {
            for (Link link : row) {
                if (link != null) {
                    link.heal();
                }
            }
        }
    }

    private Set<Integer> nodes(Collection<Integer> side) {
        Objects.requireNonNull(side, "a side");
        if (side.isEmpty()) {
            throw new IllegalArgumentException("Each side of a partition has a node");
        }
        side.forEach(node -> check(Objects.requireNonNull(node, "a node")));
        return new HashSet<>(side);
    }

    private void check(int node) {
        Objects.checkIndex(node, size());
    }
}

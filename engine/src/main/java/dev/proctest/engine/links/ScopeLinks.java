package dev.proctest.engine.links;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import dev.proctest.Link;
import dev.proctest.Mesh;
import dev.proctest.engine.endpoints.ScopeEndpoints;
import dev.proctest.engine.sockets.Transcript;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/** The links of one scope, each with its own endpoint from the scope's; closed with the scope. */
@API(status = INTERNAL, since = "0.3")
public final class ScopeLinks implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 5;

    private final ScopeEndpoints endpoints;
    private final Transcript transcript;
    private final List<LinkProxy> links = new ArrayList<>();
    private boolean closed;

    public ScopeLinks(ScopeEndpoints endpoints, Transcript transcript) {
        this.endpoints = endpoints;
        this.transcript = transcript;
    }

    /** @see dev.proctest.Processes#link(Endpoint) */
    public Link link(Endpoint target) {
        Objects.requireNonNull(target, "target");
        int number;
        synchronized (this) {
            number = links.size() + 1;
        }
        return open("link " + number + " to " + target, target);
    }

    /**
     * @param name what the mesh's links are called after, or "" for none
     * @see dev.proctest.Processes#mesh(String, List)
     */
    public Mesh mesh(String name, List<Endpoint> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        nodes.forEach(node -> Objects.requireNonNull(node, "a node's endpoint"));
        if (nodes.size() < 2) {
            throw new IllegalArgumentException("A mesh links at least two nodes, was given " + nodes.size());
        }
        if (new HashSet<>(nodes).size() < nodes.size()) {
            throw new IllegalArgumentException("A mesh's nodes each have their own endpoint, but " + nodes + " names one twice");
        }
        Link[][] links = new Link[nodes.size()][nodes.size()];
        List<LinkProxy> opened = new ArrayList<>();
        try {
            for (int from = 0; from < nodes.size(); from++) {
                for (int to = 0; to < nodes.size(); to++) {
                    if (from != to) {
                        LinkProxy link = open((name.isBlank() ? "" : name.strip() + ": ") + "node " + from + " to node " + to, nodes.get(to));
                        opened.add(link);
                        links[from][to] = link;
                    }
                }
            }
        } catch (RuntimeException e) { // the mesh's links, not the scope's others
            synchronized (this) {
                this.links.removeAll(opened);
            }
            for (LinkProxy link : opened) {
                try {
                    link.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        return new LinkMesh(List.copyOf(nodes), links);
    }

    private LinkProxy open(String name, Endpoint target) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The scope has ended: it makes no more links");
            }
        }
        LinkProxy link = null;
        for (int attempt = 1; link == null; attempt++) {
            try {
                link = new LinkProxy(name, endpoints.unnamed(target.transport(), "link"), target, transcript);
            } catch (UncheckedIOException e) {
                // another process on the machine took the free port first: take another
                if (!(e.getCause() instanceof BindException) || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
        synchronized (this) {
            links.add(link);
        }
        return link;
    }

    /** Returns the name of each link by the address of its own endpoint, where its clients connect. */
    public synchronized Map<String, String> namesByAddress() {
        Map<String, String> names = new HashMap<>();
        links.forEach(link -> names.put(link.endpoint().address(), link.name()));
        return names;
    }

    /** Says, one line per link with faults in force, what they are: what a failure report shows. */
    public List<String> faultsInForce() {
        List<LinkProxy> open;
        synchronized (this) {
            open = List.copyOf(links);
        }
        List<String> lines = new ArrayList<>();
        for (LinkProxy link : open) {
            String faults = link.faultsInForce();
            if (!faults.isEmpty()) {
                lines.add(link.name() + ": " + faults);
            }
        }
        return lines;
    }

    /** Closes every link, resetting nothing: their connections close as the scope's children have gone. */
    @Override
    public void close() {
        List<LinkProxy> open;
        synchronized (this) {
            closed = true;
            open = List.copyOf(links);
            links.clear();
        }
        List<RuntimeException> problems = new ArrayList<>();
        for (LinkProxy link : open) { // every link, whatever one of them threw
            try {
                link.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            problems.subList(1, problems.size()).forEach(problems.get(0)::addSuppressed);
            throw problems.get(0);
        }
    }
}

package dev.proctest.engine.scope;

import dev.proctest.ChildProcess;
import dev.proctest.ChildSpec;
import dev.proctest.Mailbox;
import dev.proctest.Endpoint;
import dev.proctest.LineClient;
import dev.proctest.Link;
import dev.proctest.Mesh;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Shared;
import dev.proctest.SharedChild;
import dev.proctest.TestSocket;
import dev.proctest.engine.coordination.TestMailbox;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.zeromq.SocketType;

/**
 * The {@link Processes} a scope injects: its children, endpoints and sockets, each made on first
 * use. Every method first fails with what the children in view threw or logged that fails the test.
 */
final class InjectedProcesses implements Processes {

    private final Scope scope;

    InjectedProcesses(Scope scope) {
        this.scope = scope;
    }

    @Override
    public ChildProcess spawn(ChildSpec<?> spec) {
        scope.checkFaults();
        return scope.children().spawn(spec);
    }

    @Override
    public ChildProcess start(ChildSpec<?> spec) {
        scope.checkFaults();
        return scope.children().start(Objects.requireNonNull(spec, "spec"));
    }

    @Override
    public List<ChildProcess> spawnAll(ChildSpec<?>... specs) {
        scope.checkFaults();
        return spawnAll(Arrays.asList(Objects.requireNonNull(specs, "specs")));
    }

    @Override
    public List<ChildProcess> spawnAll(List<? extends ChildSpec<?>> specs) {
        scope.checkFaults();
        return scope.children().spawnAll(Objects.requireNonNull(specs, "specs"));
    }

    @Override
    public ProgramResult run(ChildSpec<?> spec) {
        scope.checkFaults();
        return scope.children().run(spec, scope.runTimeout());
    }

    @Override
    public ProgramResult run(ChildSpec<?> spec, Duration timeout) {
        scope.checkFaults();
        return scope.children().run(spec, timeout);
    }

    @Override
    public Endpoint endpoint(String name) {
        scope.checkFaults();
        return scope.endpoints().endpoint(name);
    }

    @Override
    public TestSocket socket(SocketType type) {
        scope.checkFaults();
        return scope.sockets().socket(type);
    }

    @Override
    public LineClient lineClient(Endpoint endpoint) {
        scope.checkFaults();
        return scope.sockets().lineClient(endpoint);
    }

    @Override
    public List<LineClient> lineClients(int count, Endpoint endpoint) {
        scope.checkFaults();
        return scope.sockets().lineClients(count, endpoint);
    }

    @Override
    public Link link(Endpoint target) {
        scope.checkFaults();
        return scope.links().link(target);
    }

    @Override
    public Mesh mesh(List<Endpoint> nodes) {
        scope.checkFaults();
        return scope.links().mesh("", nodes);
    }

    @Override
    public Mesh mesh(String name, List<Endpoint> nodes) {
        scope.checkFaults();
        return scope.links().mesh(Objects.requireNonNull(name, "name"), nodes);
    }

    @Override
    public Shared shared(Class<? extends SharedChild> type) {
        scope.checkFaults();
        return scope.children().shared(Objects.requireNonNull(type, "type"));
    }

    @Override
    public void barrier(String name, ChildProcess... children) {
        barrier(name, null, children);
    }

    @Override
    public void barrier(String name, Duration timeout, ChildProcess... children) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(children, "children");
        scope.checkFaults();
        if (children.length == 0) {
            throw new IllegalArgumentException("Barrier '" + name + "' needs at least one child besides the test");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("A timeout must be positive, was " + timeout);
        }
        List<String> names = new ArrayList<>();
        for (ChildProcess child : children) {
            Objects.requireNonNull(child, "a child");
            if (!scope.children().owns(child)) {
                throw new IllegalArgumentException("Child '" + child.name() + "' is not a child of this scope, so it cannot arrive at its"
                        + " barrier '" + name + "': a child coordinates with the scope that started it (a test, or its class for"
                        + " the children of @BeforeAll); use that scope's Processes");
            }
            if (!names.contains(child.name())) {
                names.add(child.name());
            }
        }
        scope.children().coordination().testArrives(name, names, timeout);
        scope.checkFaults();
    }

    @Override
    public Mailbox<Serializable> mailbox(String key) {
        return mailbox(key, Serializable.class);
    }

    @Override
    public <T extends Serializable> Mailbox<T> mailbox(String key, Class<T> type) {
        scope.checkFaults();
        return new TestMailbox<>(() -> scope.children().coordination(), scope::checkFaults, key, type);
    }
}

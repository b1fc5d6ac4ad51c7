package dev.proctest.engine.shared;

import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.SharedChild;
import dev.proctest.Stop;
import dev.proctest.Transport;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.child.Supervisor;
import dev.proctest.engine.endpoints.ScopeEndpoints;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.engine.support.Changes;
import dev.proctest.internal.Api;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One {@link SharedChild} class in one run: its child, started once by the first test that asks
 * while the others wait, or the failure of that start, which every later request gets; its
 * run-lived endpoints; and the tests using it, to which it hands what the child threw or logged
 * that fails a test.
 */
final class SharedInstance {

    private static final System.Logger LOG = System.getLogger(SharedInstance.class.getName());

    private final Class<? extends SharedChild> type;
    private final Supplier<Supervisor> supervisor;
    private final Path logDirectory;
    private final Consumer<SharedInstance> onStarted;
    private final ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP);
    private final Changes changes = new Changes();
    private final Set<SharedUse> users = ConcurrentHashMap.newKeySet();
    /** Held by the test that starts the child: the others wait for its start, interruptibly, as a test's timeout needs. */
    private final ReentrantLock starting = new ReentrantLock();
    private volatile RunningChild child;
    private RuntimeException startFailure;
    private String firstAsker;
    private volatile boolean runEnded;

    SharedInstance(Class<? extends SharedChild> type, Supplier<Supervisor> supervisor, Path logDirectory,
            Consumer<SharedInstance> onStarted) {
        this.type = type;
        this.supervisor = supervisor;
        this.logDirectory = logDirectory;
        this.onStarted = onStarted;
    }

    /**
     * Returns the running child, started by this call if nobody asked before.
     *
     * @param asker who asks, as messages name it: {@code PongTests test ping()}
     * @throws ChildProcessException if it cannot start or could not when first asked for, or has ended
     */
    RunningChild running(String asker) {
        try {
            starting.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while waiting for shared child " + type.getName() + " to start", e);
        }
        try {
            if (startFailure != null) {
                throw new ChildProcessException("Shared child " + type.getName() + " could not start when " + firstAsker
                        + " asked for it earlier in this run, and is not tried again: " + startFailure.getMessage(), startFailure);
            }
            if (child == null) {
                firstAsker = asker;
                try {
                    child = start();
                } catch (RuntimeException e) {
                    endpoints.close();
                    startFailure = e;
                    throw new ChildProcessException("Shared child " + type.getName() + " could not start: " + e.getMessage(), e);
                }
                onStarted.accept(this);
            }
            RunningChild current = child;
            if (!current.isAlive()) {
                current.settleLog();
                throw new ChildProcessException(ChildReport.of(current, "is the shared child of " + type.getName() + ", and ended "
                        + "before this run did; it is not started again, so every test that asks for it from now on fails"));
            }
            return current;
        } finally {
            starting.unlock();
        }
    }

    private RunningChild start() {
        ChildSpec<?> spec = Objects.requireNonNull(definition().spec(endpoints::endpoint), () -> type.getName() + ".spec returned null");
        String name = Api.name(spec);
        Supervisor.Placement placement = new Supervisor.Placement(logDirectory, type.getClassLoader(), changes,
                new ViewScope(List.of(this), "shared child " + name), NoParties.coordination(name, changes));
        RunningChild started = supervisor.get().start(spec, name, placement, null, false);
        started.events().shared();
        started.restartWith(ended -> {
            throw new UnsupportedOperationException("Child '" + name + "' is the shared child of " + type.getName()
                    + ", which is not restarted: a test that restarts its server starts one of its own");
        });
        started.faults().checkWith(this::check);
        try {
            started.awaitReady();
        } catch (RuntimeException e) {
            started.stop(Stop.kill());
            supervisor.get().release(started);
            throw e;
        }
        return started;
    }

    /**
     * Returns the constructor without parameters of {@code type}.
     *
     * @throws IllegalArgumentException if it has none
     */
    static Constructor<? extends SharedChild> constructor(Class<? extends SharedChild> type) {
        try {
            return type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("A shared child needs a constructor without parameters, which " + type.getName()
                    + " does not have", e);
        }
    }

    private SharedChild definition() {
        Constructor<? extends SharedChild> constructor = constructor(type);
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of " + type.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot make a " + type.getName() + ": " + e, e);
        }
    }

    /** The class that defines it. */
    Class<? extends SharedChild> type() {
        return type;
    }

    /** Who first asked for it, and so started it. */
    String firstAsker() {
        return firstAsker;
    }

    /** Returns the endpoint the spec took under {@code name}. */
    Endpoint endpoint(String name) {
        Map<String, Endpoint> named = endpoints.named();
        Endpoint endpoint = named.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("The spec of shared child " + type.getName() + " took no endpoint called '" + name
                    + "'; it took " + (named.isEmpty() ? "none" : named.keySet()));
        }
        return endpoint;
    }

    /** The child's changes, which pass to those of each scope using it. */
    Changes changes() {
        return changes;
    }

    /** Whether the run has ended, which stops the child: its end is no fault of a test's. */
    boolean hasRunEnded() {
        return runEnded;
    }

    /** A test begins to use the child; it is told what the child threw or logged that fails a test, from now on. */
    void join(SharedUse use) {
        users.add(use);
        changes.passTo(use.scopeChanges());
    }

    /** A test no longer uses the child. */
    void leave(SharedUse use) {
        users.remove(use);
        changes.stopPassingTo(use.scopeChanges());
    }

    /**
     * Hands what the child threw or logged that fails a test, and was not handed yet, to each test
     * using it; a copy each, as each test's failure gathers its own suppressed reports.
     */
    void collect() {
        RunningChild current = child;
        if (current == null) {
            return;
        }
        current.faults().report(current).ifPresent(fault -> users.forEach(use -> use.deliver(
                new ChildProcessException("Shared child " + type.getName() + ": " + fault.getMessage()))));
    }

    /** The waits of the child itself: they fail at once once it has ended before the run. */
    private void check() {
        collect();
        RunningChild current = child;
        if (current != null && !current.isAlive() && !runEnded) {
            throw new ChildProcessException(ChildReport.of(current, "is the shared child of " + type.getName()
                    + " and ended before the run did"));
        }
    }

    /** Stops the child as its spec says, and releases its endpoints, once the run has ended. */
    void runEnded() {
        runEnded = true;
        RunningChild current = child;
        if (current == null) {
            return;
        }
        try {
            Stop stop = current.isAlive() ? Api.settings(current.spec()).stop() : Stop.kill(); // a dead child may leave descendants
            if (current.stop(stop)) {
                LOG.log(System.Logger.Level.WARNING, "proctest: shared child '" + current.name() + "' of " + type.getName()
                        + " did not stop within its stop timeout as the run ended, and was killed; see " + current.log().file());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "proctest could not stop shared child '" + current.name() + "' cleanly: " + e, e);
        } finally {
            supervisor.get().release(current);
            endpoints.close();
        }
    }
}

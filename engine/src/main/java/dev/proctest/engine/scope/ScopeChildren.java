package dev.proctest.engine.scope;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Shared;
import dev.proctest.SharedChild;
import dev.proctest.Stop;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.child.Supervisor;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.coordination.Coordination;
import dev.proctest.engine.faults.FaultCheck;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.OutputPipes;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.engine.shared.SharedChildren;
import dev.proctest.engine.shared.SharedUses;
import dev.proctest.engine.support.Changes;
import dev.proctest.internal.Api;
import dev.proctest.internal.StopPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The children of one scope, a test or a class: it owns what it starts and, when the scope ends,
 * stops it in reverse order and reports what its children threw or logged that fails the scope,
 * and children that exited unexpectedly or would not stop. The shared children it asks for are in
 * its view too, and are left running when it ends.
 */
final class ScopeChildren implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final String scopeName;
    private final Changes changes;
    private final Supervisor.Placement placement;
    private final BiConsumer<String, Path> reporter;
    private final FaultCheck faultCheck;
    private final List<RunningChild> children = Collections.synchronizedList(new ArrayList<>());
    /** The start of each child, counted: children started by one spawnAll share theirs, and stop together. */
    private final Map<RunningChild, Integer> starts = new ConcurrentHashMap<>();
    private final AtomicInteger startCount = new AtomicInteger();
    private final ChildNames names = new ChildNames();
    private final SharedUses shared;
    /** The names of the children being restarted: between the two processes, a barrier waits for the new one. */
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final Coordination coordination;

    /**
     * @param scopeName what the scope is, as messages say it: "test" or "test class"
     * @param changes the scope's, which its children's changes pass to
     * @param viewScope the scope, as its children's log views know it for their marks
     * @param reporter publishes a file under a report key: the log of each child when the scope ends
     * @param faultCheck checks the faults of the children in view of the scope, before each wait of a child's
     * @param sharedChildren the run's shared children, of which the scope uses those it asks for
     */
    ScopeChildren(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass,
            String scopeName, Changes changes, ViewScope viewScope, BiConsumer<String, Path> reporter, FaultCheck faultCheck,
            Supplier<SharedChildren> sharedChildren) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.scopeName = scopeName;
        this.changes = changes;
        this.coordination = new Coordination(scopeName, changes, configuration.coordinationTimeout(),
                new ScopeParties(this::children, restarting));
        this.placement = new Supervisor.Placement(logDirectory, testClass.getClassLoader(), changes, viewScope, coordination);
        this.reporter = reporter;
        this.faultCheck = faultCheck;
        this.shared = new SharedUses(sharedChildren, testClass.getSimpleName() + " " + viewScope.name(), changes, reporter);
    }

    /** @see Processes#shared */
    Shared shared(Class<? extends SharedChild> type) {
        return shared.use(type);
    }

    /** @see Processes#spawn */
    ChildProcess spawn(ChildSpec<?> spec) {
        return start(spec).awaitReady();
    }

    /** @see Processes#start */
    RunningChild start(ChildSpec<?> spec) {
        RunningChild child = launch(spec, false);
        starts.put(child, startCount.getAndIncrement());
        return child;
    }

    /** @see Processes#spawnAll(java.util.List) */
    List<ChildProcess> spawnAll(List<? extends ChildSpec<?>> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("spawnAll needs at least one spec");
        }
        specs.forEach(spec -> Objects.requireNonNull(spec, "a spec"));
        List<RunningChild> started = new ArrayList<>();
        try {
            for (ChildSpec<?> spec : specs) {
                started.add(launch(spec, false));
            }
        } catch (RuntimeException e) { // one could not start: the others may not run on
            started.forEach(RunningChild::kill);
            throw e;
        }
        int group = startCount.getAndIncrement();
        started.forEach(child -> starts.put(child, group));
        Together.awaitReady(started);
        return List.copyOf(started);
    }

    /** @see Processes#run(ChildSpec, Duration) */
    ProgramResult run(ChildSpec<?> spec, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunningChild child = launch(spec, true);
        starts.put(child, startCount.getAndIncrement());
        int exitCode;
        try {
            exitCode = child.awaitExit(timeout);
        } catch (ChildProcessException e) {
            child.kill();
            throw e;
        }
        child.settleLog(deadline); // the pipes close after the exit, and the result needs all of the output
        return Api.programResult(exitCode, child.captured(OutputPipes.Stream.OUT), child.captured(OutputPipes.Stream.ERR),
                Duration.between(child.events().startedAt(), Instant.now()));
    }

    /** Returns the logs of the shared children this scope uses, then of its own children, oldest child first. */
    List<ChildLog> logs() {
        return inView().stream().map(RunningChild::log).toList();
    }

    /** Returns the recorded calls of the shared children this scope uses, then of its own children, oldest child first. */
    List<ChildCalls> recordedCalls() {
        return inView().stream().map(RunningChild::recordedCalls).toList();
    }

    /** Returns the shared children this scope uses, then its own children, oldest first: what its report shows. */
    List<RunningChild> inView() {
        List<RunningChild> all = new ArrayList<>(shared.children());
        all.addAll(children());
        return all;
    }

    /** Returns this scope's children, oldest first. */
    List<RunningChild> children() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    /** Returns the reports of what the children threw or logged that fails the scope and was not reported yet. */
    List<ChildProcessException> faults() {
        List<ChildProcessException> faults = new ArrayList<>(shared.faults());
        children().forEach(child -> child.faults().report(child).ifPresent(faults::add));
        return faults;
    }

    /** Returns the barriers and mailboxes of the scope. */
    Coordination coordination() {
        return coordination;
    }

    /** Returns whether {@code child}, or an earlier run of it, is a child of this scope. */
    boolean owns(ChildProcess child) {
        return children().contains(child);
    }

    /**
     * Stops every child, newest first, once the barriers of the scope have broken and its takes
     * failed: what still waits sees that the scope ends before its process is stopped.
     *
     * @throws ChildProcessException naming each child that exited unexpectedly or ignored its stop
     *     signal, the first as the exception and the others suppressed
     */
    @Override
    public void close() {
        coordination.close();
        List<ChildProcessException> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> published = ConcurrentHashMap.newKeySet(); // a restarted child's incarnations share one log file
        for (List<RunningChild> together : newestStartFirst()) {
            Together.run(together, child -> {
                try {
                    problems.addAll(stop(child));
                    if (published.add(child.name())) {
                        reporter.accept("proctest.log." + child.name(), child.log().file());
                    }
                } catch (RuntimeException e) { // whatever went wrong with one child, the others are stopped too
                    problems.add(new ChildProcessException("Cannot stop child '" + child.name() + "' cleanly: " + e, e));
                } finally {
                    supervisor.get().release(child);
                }
            });
        }
        try {
            shared.close(); // once the scope's own children, which may use them, have stopped
        } catch (ChildProcessException e) {
            problems.add(e);
        }
        if (!problems.isEmpty()) {
            ChildProcessException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** The children by their start, newest first: one child each, or those of one spawnAll. */
    private List<List<RunningChild>> newestStartFirst() {
        Map<Integer, List<RunningChild>> byStart = new TreeMap<>(Comparator.reverseOrder());
        for (RunningChild child : children()) {
            byStart.computeIfAbsent(starts.getOrDefault(child, -1), start -> new ArrayList<>()).add(child);
        }
        return List.copyOf(byStart.values());
    }

    /**
     * Stops {@code child} and its tree; returns what went wrong: it threw or logged what fails the
     * scope, exited unexpectedly (unless an exception that ended its main, reported, says why), or
     * ignored its stop signal.
     */
    private List<ChildProcessException> stop(RunningChild child) {
        List<ChildProcessException> problems = new ArrayList<>();
        child.faults().report(child).ifPresent(problems::add);
        if (child.exitedUnexpectedly() && !child.faults().explainsExit()) {
            child.settleLog();
            problems.add(new ChildProcessException(ChildReport.of(child, "exited while its " + scopeName
                    + " was still running; if it may, give its spec mayExit() or wait for it with awaitExit")));
        }
        Stop stop = child.isAlive() ? Api.settings(child.spec()).stop() : Stop.kill(); // a dead child may leave descendants behind
        if (child.stop(stop)) {
            StopPlan plan = Api.stop(stop);
            problems.add(new ChildProcessException(ChildReport.of(child, "did not exit within "
                    + Durations.format(plan.ownTimeout().orElse(configuration.stopTimeout())) + " of " + plan.first()
                    + " and was killed; give its spec stopWith(Stop.kill()) if it need not stop gracefully")));
        }
        return problems;
    }

    private RunningChild launch(ChildSpec<?> spec, boolean captureAll) {
        ChildNames.Name name = names.claim(spec);
        RunningChild child;
        try {
            child = supervisor.get().start(spec, name.name(), placement, name.earlier(), captureAll);
        } catch (RuntimeException e) {
            names.release(name);
            throw e;
        }
        names.taken(name, child);
        child.restartWith(this::restart);
        child.faults().checkWith(faultCheck);
        children.add(child);
        changes.signal(); // a new child in view of the scope's waits
        return child;
    }

    /**
     * Stops {@code ended} as its spec says, and starts its spec again under its name; returns the new
     * child once ready. The new child takes the place of the ended one in the stop order: a node
     * restarted in a cluster stops with the cluster, not on its own before it.
     */
    private RunningChild restart(RunningChild ended) {
        restarting.add(ended.name());
        RunningChild again;
        try {
            if (ended.isAlive()) {
                ended.stop();
            }
            supervisor.get().release(ended);
            again = launch(ended.spec(), false);
        } finally {
            restarting.remove(ended.name());
            changes.signal();
        }
        Integer place = starts.get(ended);
        starts.put(again, place != null ? place : startCount.getAndIncrement());
        again.awaitReady();
        return again;
    }
}

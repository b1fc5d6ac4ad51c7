package dev.proctest.engine.scope;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Stop;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.child.Supervisor;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.OutputPipes;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.engine.support.Changes;
import dev.proctest.internal.Api;
import dev.proctest.internal.StopPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The children of one scope, a test or a class: it owns what it starts and, when the scope ends,
 * stops it in reverse order and reports children that exited unexpectedly or would not stop.
 */
final class ScopeChildren implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String scopeName;
    private final Changes changes;
    private final ViewScope viewScope;
    private final BiConsumer<String, Path> reporter;
    private final List<RunningChild> children = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> names = new HashMap<>();

    /**
     * @param scopeName what the scope is, as messages say it: "test" or "test class"
     * @param changes the scope's, which its children's changes pass to
     * @param viewScope the scope, as its children's log views know it for their marks
     * @param reporter publishes a file under a report key: the log of each child when the scope ends
     */
    ScopeChildren(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass,
            String scopeName, Changes changes, ViewScope viewScope, BiConsumer<String, Path> reporter) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.scopeName = scopeName;
        this.changes = changes;
        this.viewScope = viewScope;
        this.reporter = reporter;
    }

    /** @see Processes#spawn */
    ChildProcess spawn(ChildSpec<?> spec) {
        RunningChild child = start(spec, false);
        child.awaitReady();
        return child;
    }

    /** @see Processes#run(ChildSpec, Duration) */
    ProgramResult run(ChildSpec<?> spec, Duration timeout) {
        RunningChild child = start(spec, true);
        int exitCode;
        try {
            exitCode = child.awaitExit(timeout);
        } catch (ChildProcessException e) {
            child.kill();
            throw e;
        }
        child.settleLog(); // the pipes close after the exit, and the result needs all of the output
        return Api.programResult(exitCode, child.captured(OutputPipes.Stream.OUT), child.captured(OutputPipes.Stream.ERR),
                Duration.between(child.startedAt(), Instant.now()));
    }

    /** Returns the logs of this scope's children, oldest child first. */
    List<ChildLog> logs() {
        return children().stream().map(RunningChild::log).toList();
    }

    /** Returns the recorded calls of this scope's children, oldest child first. */
    List<ChildCalls> recordedCalls() {
        return children().stream().map(RunningChild::recordedCalls).toList();
    }

    /** Returns this scope's children, oldest first. */
    List<RunningChild> children() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    /**
     * Stops every child, newest first.
     *
     * @throws ChildProcessException naming each child that exited unexpectedly or ignored its stop
     *     signal, the first as the exception and the others suppressed
     */
    @Override
    public void close() {
        List<ChildProcessException> problems = new ArrayList<>();
        List<RunningChild> newestFirst = new ArrayList<>(children());
        Collections.reverse(newestFirst);
        for (RunningChild child : newestFirst) {
            try {
                problems.addAll(stop(child));
                reporter.accept("proctest.log." + child.name(), child.log().file());
            } catch (RuntimeException e) { // whatever went wrong with one child, the others are stopped too
                problems.add(new ChildProcessException("Cannot stop child '" + child.name() + "' cleanly: " + e, e));
            } finally {
                supervisor.get().release(child);
            }
        }
        if (!problems.isEmpty()) {
            ChildProcessException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Stops {@code child} and its tree; returns what went wrong: it exited unexpectedly, or ignored its stop signal. */
    private List<ChildProcessException> stop(RunningChild child) {
        List<ChildProcessException> problems = new ArrayList<>();
        if (child.exitedUnexpectedly()) {
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

    private RunningChild start(ChildSpec<?> spec, boolean captureAll) {
        RunningChild child = supervisor.get().start(spec, uniqueName(Api.name(spec)), logDirectory, testClass.getClassLoader(), changes,
                viewScope, captureAll);
        children.add(child);
        changes.signal(); // a new child in view of the scope's waits
        return child;
    }

    private synchronized String uniqueName(String name) {
        int count = names.merge(name, 1, Integer::sum);
        return count == 1 ? name : name + "-" + count;
    }
}

package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Stop;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.logs.ChildLog;
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
 * The children of one scope, a test or a class: it owns what it starts and, when the
 * scope ends, stops it in reverse order and reports children that exited unexpectedly or would
 * not stop.
 */
public final class ScopedProcesses implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String scopeName;
    private final BiConsumer<String, Path> reporter;
    private final List<RunningChild> children = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> names = new HashMap<>();

    /**
     * @param scopeName what the scope is, as messages say it: "test" or "test class"
     * @param reporter publishes a file under a report key: the log of each child when the scope ends
     */
    public ScopedProcesses(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass,
            String scopeName, BiConsumer<String, Path> reporter) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.scopeName = scopeName;
        this.reporter = reporter;
    }

    /** @see Processes#spawn */
    public ChildProcess spawn(ChildSpec<?> spec) {
        RunningChild child = start(spec, false);
        try {
            Readiness.await(child, spec.readiness(), configuration.readyTimeout());
        } catch (Readiness.NotReady notReady) {
            child.kill();
            child.settleLog(); // so that the message shows all the child wrote
            throw new ChildProcessException(ChildReport.of(child, notReady.state, notReady.getMessage()));
        }
        return child;
    }

    /** @see Processes#run(ChildSpec) */
    public ProgramResult run(ChildSpec<?> spec) {
        return run(spec, configuration.runTimeout());
    }

    /** @see Processes#run(ChildSpec, Duration) */
    public ProgramResult run(ChildSpec<?> spec, Duration timeout) {
        RunningChild child = start(spec, true);
        int exitCode;
        try {
            exitCode = child.awaitExit(timeout);
        } catch (ChildProcessException e) {
            child.kill();
            throw e;
        }
        child.settleLog(); // the pipes close after the exit, and the result needs all of the output
        return new ProgramResult(exitCode, child.output().captured(ChildOutput.Stream.OUT),
                child.output().captured(ChildOutput.Stream.ERR), Duration.between(child.startedAt(), Instant.now()));
    }

    /** Stops {@code child} and its tree; returns what went wrong: it exited unexpectedly, or ignored its stop signal. */
    private List<ChildProcessException> stop(RunningChild child) {
        List<ChildProcessException> problems = new ArrayList<>();
        if (child.exitedUnexpectedly()) {
            child.settleLog();
            problems.add(new ChildProcessException(ChildReport.of(child, "exited while its " + scopeName
                    + " was still running; if it may, give its spec mayExit() or wait for it with awaitExit")));
        }
        Stop stop = child.isAlive() ? child.spec().stopping() : Stop.kill(); // a dead child may leave descendants behind
        if (child.stop(stop)) {
            problems.add(new ChildProcessException(ChildReport.of(child, "did not exit within "
                    + Durations.format(stop.timeout().orElse(configuration.stopTimeout())) + " of " + stop.first()
                    + " and was killed; give its spec stopWith(Stop.kill()) if it need not stop gracefully")));
        }
        return problems;
    }

    /** Returns the logs of this scope's children, oldest child first. */
    public List<ChildLog> logs() {
        synchronized (children) {
            return children.stream().map(RunningChild::log).toList();
        }
    }

    /** Returns the recorded calls of this scope's children, oldest child first. */
    public List<ChildCalls> recordedCalls() {
        synchronized (children) {
            return children.stream().map(RunningChild::recordedCalls).toList();
        }
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

    private RunningChild start(ChildSpec<?> spec, boolean captureAll) {
        RunningChild child = supervisor.get().start(spec, uniqueName(spec.childName()), logDirectory, testClass, captureAll);
        children.add(child);
        return child;
    }

    private synchronized String uniqueName(String name) {
        int count = names.merge(name, 1, Integer::sum);
        return count == 1 ? name : name + "-" + count;
    }
}

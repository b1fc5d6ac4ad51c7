package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.ProgramResult;
import dev.proctest.Processes;
import dev.proctest.Stop;
import dev.proctest.engine.config.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@link Processes} of one scope, a test or a class: it owns what it starts and, when the
 * scope ends, stops it in reverse order and reports children that exited unexpectedly or would
 * not stop.
 */
public final class ScopedProcesses implements Processes, AutoCloseable {

    /** How long a finished program's output may take to reach its end after the program exited. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String scopeName;
    private final List<RunningChild> children = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    /** @param scopeName what the scope is, as messages say it: "test" or "test class" */
    public ScopedProcesses(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass,
            String scopeName) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.scopeName = scopeName;
    }

    @Override
    public ChildProcess spawn(ChildSpec<?> spec) {
        RunningChild child = start(spec, false);
        try {
            Readiness.await(child, spec.readiness(), configuration.readyTimeout());
        } catch (ChildProcessException e) {
            child.kill();
            throw e;
        }
        return child;
    }

    @Override
    public ProgramResult run(ChildSpec<?> spec) {
        return run(spec, configuration.runTimeout());
    }

    @Override
    public ProgramResult run(ChildSpec<?> spec, Duration timeout) {
        RunningChild child = start(spec, true);
        int exitCode;
        try {
            exitCode = child.awaitExit(timeout);
        } catch (ChildProcessException e) {
            child.kill();
            throw e;
        }
        try {
            child.output().awaitDrained(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ProgramResult(exitCode, child.output().captured(ChildOutput.Stream.OUT),
                child.output().captured(ChildOutput.Stream.ERR), Duration.between(child.startedAt(), Instant.now()));
    }

    @Override
    public synchronized Endpoint endpoint(String name) {
        return endpoints.computeIfAbsent(name, unused -> Endpoint.tcp(Ports.allocate()));
    }

    /**
     * Stops every child, newest first, and releases the endpoints.
     *
     * @throws ChildProcessException naming each child that exited unexpectedly or ignored its stop
     *     signal, the first as the exception and the others suppressed
     */
    @Override
    public void close() {
        List<ChildProcessException> problems = new ArrayList<>();
        List<RunningChild> newestFirst = new ArrayList<>(children);
        Collections.reverse(newestFirst);
        for (RunningChild child : newestFirst) {
            if (child.exitedUnexpectedly()) {
                problems.add(new ChildProcessException(ChildReport.of(child, "exited while its " + scopeName
                        + " was still running; if it may, give its spec mayExit() or wait for it with awaitExit")));
            }
            Stop stop = child.isAlive() ? child.spec().stopping() : Stop.kill(); // a dead child may leave descendants behind
            if (child.stop(stop)) {
                problems.add(new ChildProcessException(ChildReport.of(child, "did not exit within "
                        + ChildReport.format(stop.timeout().orElse(configuration.stopTimeout())) + " of SIG" + stop.signal()
                        + " and was killed; give its spec stopWith(Stop.kill()) if it need not stop gracefully")));
            }
            supervisor.get().release(child);
        }
        synchronized (this) {
            endpoints.values().forEach(endpoint -> Ports.release(endpoint.port()));
            endpoints.clear();
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

package dev.proctest.engine.child;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.ChildSpec;
import dev.proctest.JavaChild;
import dev.proctest.Logs;
import dev.proctest.RemoteCallable;
import dev.proctest.Stop;
import dev.proctest.engine.calls.CallsView;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.faults.ChildFaults;
import dev.proctest.engine.faults.FaultRules;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.LogsView;
import dev.proctest.engine.logs.OutputPipes;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.pool.StartHold;
import dev.proctest.engine.report.ChildEvents;
import dev.proctest.engine.report.ReportedChild;
import dev.proctest.internal.Api;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * A started child, the test's {@link ChildProcess}: its process, output and log, calls, what is known of it, what fails its test,
 * its {@link ChildConnection} if Java. {@link ChildStopping} stops it. Its waits check its scope's faults first, as all calls do.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunningChild implements ChildProcess, ReportedChild {

    private final String name;
    private final ChildSpec<?> spec;
    private final Process process;
    private final ChildLog log;
    private final ChildCalls calls;
    private final ChildStatus status;
    private final ChildConnection connection;
    private final OutputPipes output;
    private final ChildTimeouts timeouts;
    private final ChildStopping stopping;
    private final ViewScope scope;
    private volatile UnaryOperator<RunningChild> restarter;
    private final ChildFaults faults;
    private final ChildExit exit;
    private final StartHold startHold; // keeps the pool from booting in this child's place until it is ready, failed or ended
    private boolean ready;

    /** @param connection the Java child's connection to the hub, or null for a command child */
    RunningChild(String name, ChildSpec<?> spec, Process process, ChildLog log, ChildCalls calls, ChildStatus status,
            ChildConnection connection, OutputPipes output, ChildTimeouts timeouts, ChildStopping.Means means, ViewScope scope,
            StartHold startHold, FaultRules faultRules) {
        this.name = name;
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.calls = calls;
        this.status = status;
        this.connection = connection;
        this.output = output;
        this.timeouts = timeouts;
        this.stopping = new ChildStopping(this, means, timeouts.stop());
        this.scope = scope;
        this.exit = new ChildExit(this, process, log, status);
        this.faults = new ChildFaults(faultRules, stopping::wasRequested, () -> Api.exitAllowed(spec) || exit.wasAwaited());
        faults.watch(log);
        ClockDiagnosis.attach(this);
        this.startHold = startHold;
        process.onExit().thenRun(startHold::release);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return exit.alive();
    }

    @Override
    public OptionalInt exitCode() {
        return isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public int awaitExit(Duration timeout) {
        faults.exitAwaited();
        faults.checkScope();
        int code = exit.await(timeout);
        stopping.notePending(); // a kill says so in the log before the wait ends
        return code;
    }

    @Override
    public ChildProcess awaitReady() {
        return awaitReady(null);
    }

    @Override // at once if it was found ready before; with a null timeout, the readiness's own
    public synchronized ChildProcess awaitReady(Duration timeout) {
        faults.checkScope();
        if (!ready) {
            try {
                Readiness.require(this, Api.settings(spec).ready(), timeout == null ? timeouts.ready() : timeout, timeout != null);
            } finally {
                startHold.release();
            }
            ready = true;
            status.events().add("ready", "");
        }
        return this;
    }

    StartHold startHold() {
        return startHold;
    }

    @Override
    public void stop() {
        stop(Api.settings(spec).stop());
    }

    @Override
    public void kill() {
        stopping.kill();
    }

    @Override
    public void pause() {
        stopping.pause();
    }

    @Override
    public void resume() {
        stopping.resume();
    }

    @Override
    public boolean isPaused() {
        return stopping.isPaused();
    }

    @Override
    public ChildProcess restart() {
        if (restarter == null) {
            throw new IllegalStateException("Child '" + name + "' cannot be restarted: its scope has ended");
        }
        return restarter.apply(this);
    }

    /** Stops the child and its process tree as {@code stop} says; returns whether it outlived its stop signal and was killed. */
    public boolean stop(Stop stop) {
        return stopping.stop(stop);
    }

    @Override
    public Logs logs() {
        return new LogsView(() -> List.of(log), status.changes(), scope, timeouts.await(), timeouts.reportTail(), faults::checkScope)
                .from(name);
    }

    @Override
    public Path logFile() {
        return log.file();
    }

    @Override
    public Object published(String key) {
        faults.checkScope();
        return PublishedValues.await(this, key, timeouts.await());
    }

    @Override
    public <T> T published(String key, Class<T> type) {
        return PublishedValues.as(this, key, published(key), type);
    }

    @Override
    public CallRecorder calls() {
        return new CallsView(() -> List.of(calls), status.changes(), timeouts.await(), timeouts.reportTail(), faults::checkScope);
    }

    @Override
    public Clock clock() {
        return RemoteClock.orComputed(spec, status.clock(name, spec instanceof JavaChild java && Api.java(java).time().rewrites()), this::run);
    }

    @Override
    public <T> T run(RemoteCallable<T> callable) {
        return run(callable, timeouts.await());
    }

    @Override
    public <T> T run(RemoteCallable<T> callable, Duration timeout) {
        faults.checkScope();
        return RemoteRuns.run(this, connection, callable, timeout);
    }

    @Override
    public void shiftClock(Duration shift) {
        ClockShifts.shift(this, shift, timeouts.await());
    }

    @Override
    public void advanceClock(Duration duration) {
        ClockAdvances.advance(this, duration, timeouts.await());
    }

    /** Whether the child exited on its own although nobody expected it to. */
    public boolean exitedUnexpectedly() {
        return !isAlive() && !stopping.wasRequested() && !exit.wasAwaited() && !Api.exitAllowed(spec);
    }

    /** Waits, a bounded time and only once in vain, for everything the ended child wrote to be in its log. */
    @Override
    public void settleLog() {
        exit.settleLog();
    }

    /** Like {@link #settleLog()}, for a wait that ends at {@code deadline} ({@link System#nanoTime}): see {@link ChildExit#settleLog(long)}. */
    public void settleLog(long deadline) {
        exit.settleLog(deadline);
    }

    /** Says how the child's scope restarts it: as its owner, which names and stops its children. */
    public void restartWith(UnaryOperator<RunningChild> scopeRestart) {
        this.restarter = scopeRestart;
    }

    /** Returns what the child threw and logged that fails its test. */
    public ChildFaults faults() {
        return faults;
    }

    public ChildSpec<?> spec() {
        return spec;
    }

    @Override
    public ChildLog log() {
        return log;
    }

    @Override
    public ChildCalls recordedCalls() {
        return calls;
    }

    /** Returns all it wrote to {@code stream}, for a child that keeps all of its output. */
    public String captured(OutputPipes.Stream stream) {
        return output.captured(stream);
    }

    @Override
    public int reportTail() {
        return timeouts.reportTail();
    }

    @Override
    public ChildEvents events() {
        return status.events();
    }

    Process process() {
        return process;
    }

    ChildStatus status() {
        return status;
    }

    /** Returns what identifies this run of the child at its scope's barriers: a restarted child is another. */
    public Object incarnation() {
        return connection != null ? connection : this;
    }

    /** The child's connection to the hub, or null for a command child. */
    ChildConnection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return "child '" + name + "' (pid " + pid() + ")";
    }
}

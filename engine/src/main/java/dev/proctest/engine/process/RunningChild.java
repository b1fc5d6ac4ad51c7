package dev.proctest.engine.process;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.JavaChild;
import dev.proctest.Logs;
import dev.proctest.RemoteCallable;
import dev.proctest.Signal;
import dev.proctest.Stop;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.calls.ScopedCalls;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.ScopedLogs;
import dev.proctest.wire.TimeOrigin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A started child: its process, its output and what its runtime said; the test's {@link ChildProcess}. */
final class RunningChild implements ChildProcess {

    /** How long a child may take to write its coverage before it is stopped anyway. */
    private static final Duration COVERAGE_DUMP_TIMEOUT = Duration.ofSeconds(2);

    private final String name;

    private final ChildSpec<?> spec;
    private final Process process;
    private final boolean ownGroup;
    private final ChildState state;
    private final ChildLog log;
    private final ChildOutput output;
    private final Timeouts timeouts;
    private final ProcessTree.MessageSender stopMessages;
    private final RemoteRuns.Caller caller;
    private final Instant started = Instant.now();
    private final CompletableFuture<Void> exitNoted;
    private volatile boolean stopRequested;
    private volatile boolean exitAwaited;
    private volatile boolean settleGaveUp;

    /**
     * How long an ended child's last output may take to reach its log: more than its log waits
     * for an END that does not come. Only a grandchild that escaped the stop and holds the child's
     * pipes open makes a wait last this long.
     */
    private static final long SETTLE_MILLIS = 5_000;

    /** The waits a child's methods use by default. */
    record Timeouts(Duration stop, Duration await, int reportTail) {}

    RunningChild(String name, ChildSpec<?> spec, Process process, boolean ownGroup, ChildState state, ChildLog log,
            ChildOutput output, Timeouts timeouts, ProcessTree.MessageSender stopMessages, RemoteRuns.Caller caller) {
        this.name = name;
        this.spec = spec;
        this.process = process;
        this.ownGroup = ownGroup;
        this.state = state;
        this.log = log;
        this.output = output;
        this.timeouts = timeouts;
        this.stopMessages = stopMessages;
        this.caller = caller;
        this.exitNoted = process.onExit().thenRun(() -> {
            log.exited(process.exitValue());
            state.exited();
        });
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
        return process.isAlive();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChildProcessException(ChildReport.of(this, "did not exit within " + Durations.format(timeout)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(this, "was still running when the wait for its exit was interrupted"), e);
        }
        exitAwaited = true;
        settleLog(); // what it logged before it exited is there to read once this returns
        return process.exitValue();
    }

    @Override
    public void stop() {
        stop(spec.stopping());
    }

    @Override
    public void kill() {
        stop(Stop.kill());
    }

    @Override
    public Logs logs() {
        return new ScopedLogs(() -> List.of(log), timeouts.await(), timeouts.reportTail()).from(name);
    }

    @Override
    public Object published(String key) {
        long nanos = timeouts.await().toNanos();
        try {
            if (!state.await(() -> state.publishedValue(key).isPresent() || !process.isAlive(), nanos)
                    || state.publishedValue(key).isEmpty()) {
                throw new ChildProcessException(ChildReport.of(this, "did not publish [" + key + "] "
                        + (process.isAlive() ? "within " + Durations.format(timeouts.await()) : "before it exited")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(this, "was interrupted waiting for [" + key + "]"), e);
        }
        return deserialize(key, state.publishedValue(key).orElseThrow());
    }

    @Override
    public <T> T published(String key, Class<T> type) {
        Object value = published(key);
        if (!type.isInstance(value)) {
            throw new ChildProcessException("Child '" + name + "' published [" + key + "] as a " + value.getClass().getName()
                    + " (" + value + "), not a " + type.getName());
        }
        return type.cast(value);
    }

    @Override
    public CallRecorder calls() {
        return new ScopedCalls(() -> List.of(state.recordedCalls()), timeouts.await(), timeouts.reportTail());
    }

    @Override
    public Clock clock() {
        if (!(spec instanceof JavaChild java) || !java.time().rewrites()) {
            return Clock.systemDefaultZone();
        }
        TimeOrigin origin = state.timeOrigin();
        if (origin == null) {
            throw new IllegalStateException("Child '" + name + "' has not started its main yet, and its time starts then: read its clock"
                    + " once it is ready");
        }
        return origin.clock();
    }

    /** Returns the calls this child recorded, for the scope's recorder. */
    public ChildCalls recordedCalls() {
        return state.recordedCalls();
    }

    @Override
    public <T> T run(RemoteCallable<T> callable) {
        return run(callable, timeouts.await());
    }

    @Override
    public <T> T run(RemoteCallable<T> callable, Duration timeout) {
        Objects.requireNonNull(callable, "callable");
        if (!(spec instanceof JavaChild)) {
            throw new ChildProcessException("Cannot run a lambda in child '" + name + "': it is not a Java child (" + spec
                    + "); only a JavaChild runs proctest's runtime");
        }
        return RemoteRuns.run(this, caller, callable, timeout);
    }

    /**
     * Stops the child and its process tree as {@code stop} says.
     *
     * @return whether the child outlived its stop signal and had to be killed
     */
    boolean stop(Stop stop) {
        stopRequested = true;
        boolean wasAlive = process.isAlive();
        if (wasAlive) {
            state.dumpCoverage(COVERAGE_DUMP_TIMEOUT); // a signal may end it before its agent writes, a kill always does
        }
        Duration timeout = stop.timeout().orElse(timeouts.stop());
        boolean ignoredSignal = ProcessTree.stop(this, stop, timeout, stopMessages);
        settleLog(); // the child's last records and its exit first, then how it came about
        if (wasAlive) {
            log.note(ignoredSignal ? "did not exit within " + Durations.format(timeout) + " of " + stop.first() + "; killed"
                    : stop.signal().filter(Signal.KILL::equals).isPresent() ? "killed with SIGKILL" : "stopped with " + stop.first());
            log.flush();
        }
        return ignoredSignal;
    }

    /** Whether the child exited on its own although nobody expected it to. */
    boolean exitedUnexpectedly() {
        return !process.isAlive() && !stopRequested && !exitAwaited && !spec.exitAllowed();
    }

    Process process() {
        return process;
    }

    boolean ownsProcessGroup() {
        return ownGroup;
    }

    ChildSpec<?> spec() {
        return spec;
    }

    ChildState state() {
        return state;
    }

    ChildOutput output() {
        return output;
    }

    ChildLog log() {
        return log;
    }

    /**
     * Waits, a bounded time and only once in vain, for everything the ended child wrote to be in
     * its log: once it has exited, its pipes close and its runtime's last records come in.
     */
    void settleLog() {
        if (settleGaveUp || process.isAlive()) {
            return;
        }
        try {
            exitNoted.join(); // the log learns of the exit first
            settleGaveUp = !log.awaitComplete(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.flush(); // what is in, readable in the file, even if a grandchild still holds a pipe open
        }
    }

    int reportTail() {
        return timeouts.reportTail();
    }

    Instant startedAt() {
        return started;
    }

    private Object deserialize(String key, byte[] value) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new ChildProcessException("Child '" + name + "' published [" + key + "] as a value the test JVM cannot read: "
                    + e, e);
        }
    }

    @Override
    public String toString() {
        return "child '" + name + "' (pid " + pid() + ")";
    }
}

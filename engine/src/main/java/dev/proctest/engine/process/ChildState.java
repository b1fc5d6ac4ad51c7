package dev.proctest.engine.process;

import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.calls.RemoteAnswering;
import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.wire.Plan;
import dev.proctest.wire.TimeOrigin;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * What is known of a child from outside its process: what its runtime told the hub and whether
 * its output showed what readiness waits for. Every change wakes whoever waits for one, so that
 * waits end on the event, not on a poll.
 */
final class ChildState implements HubMember {

    private final Plan plan;
    private final ChildLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, byte[]> published = new HashMap<>();
    private final Map<Long, CompletableFuture<Returned>> calls = new ConcurrentHashMap<>();
    private final ChildCalls recorded;
    private volatile RemoteAnswering answering;
    private volatile TimeOrigin timeOrigin;
    private volatile BooleanSupplier coverageAsker;
    private final AtomicReference<CompletableFuture<Void>> coverageDumped = new AtomicReference<>();
    private boolean started;
    private boolean signalled;
    private boolean logged;

    /** @param plan the plan of a Java child, or null for a command child */
    ChildState(Plan plan, ChildLog log) {
        this.plan = plan;
        this.log = log;
        this.recorded = new ChildCalls(log.child());
    }

    /** Returns the calls the child made on the types it mocks or spies on. */
    ChildCalls recordedCalls() {
        return recorded;
    }

    @Override
    public void called(byte[] call) {
        recorded.add(call);
    }

    /** Where the child's questions about answered calls go; set before the child can ask. */
    void answerWith(RemoteAnswering answering) {
        this.answering = answering;
    }

    /** Stops answering: the child is gone. */
    void closeAnswering() {
        RemoteAnswering current = answering;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void asked(byte[] number, byte[] call) {
        RemoteAnswering current = answering;
        if (current != null) {
            current.asked(number, call);
        }
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public void admitted() {
        log.connected();
    }

    // What the child says after logging takes effect after its records: a test that sees it sees them.

    @Override
    public void started(TimeOrigin origin) {
        timeOrigin = origin;
        log.timeFrom(origin);
        log.afterRecordsSoFar(() -> update(() -> started = true));
    }

    /** How to ask the child to write its code coverage; set for children whose coverage is collected. */
    void dumpCoverageWith(BooleanSupplier asker) {
        this.coverageAsker = asker;
    }

    /**
     * Asks the child to write its code coverage and waits up to {@code timeout} for it to have.
     *
     * @return whether it did: false without coverage, for a child not connected, or after the timeout
     */
    boolean dumpCoverage(Duration timeout) {
        BooleanSupplier asker = coverageAsker;
        if (asker == null) {
            return false;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        coverageDumped.set(written);
        if (!asker.getAsBoolean()) {
            return false;
        }
        try {
            written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void dumped() {
        CompletableFuture<Void> written = coverageDumped.getAndSet(null);
        if (written != null) {
            written.complete(null);
        }
    }

    /** Where the child's time started, or {@code null} before its {@code main} started. */
    TimeOrigin timeOrigin() {
        return timeOrigin;
    }

    @Override
    public void ready() {
        log.afterRecordsSoFar(() -> update(() -> signalled = true));
    }

    @Override
    public void published(String key, byte[] value) {
        log.afterRecordsSoFar(() -> update(() -> published.put(key, value)));
    }

    @Override
    public void logged(byte[] batch) {
        log.reported(batch);
    }

    @Override
    public void synced(long id) {
        log.synced(id);
    }

    /** How a call of {@code child.run} ended in the child: its outcome and serialized payload. */
    record Returned(String outcome, byte[] payload) {}

    @Override
    public void returned(long id, String outcome, byte[] payload) {
        log.afterRecordsSoFar(() -> {
            CompletableFuture<Returned> call = calls.remove(id);
            if (call != null) {
                call.complete(new Returned(outcome, payload));
            }
        });
    }

    /** Returns what completes when call {@code id} returns; {@link #forgetCall} it if it is not awaited to the end. */
    CompletableFuture<Returned> expectReturn(long id) {
        return calls.computeIfAbsent(id, unused -> new CompletableFuture<>());
    }

    void forgetCall(long id) {
        calls.remove(id);
    }

    @Override
    public void ended() {
        log.reportsComplete();
    }

    @Override
    public void tick() {
        log.tick();
    }

    /** A record matched the pattern the child's readiness waits for. */
    void readyLineLogged() {
        update(() -> logged = true);
    }

    /** Wakes the waiters without a change of state: the process exited. */
    void exited() {
        update(() -> {});
    }

    boolean hasStarted() {
        return read(() -> started);
    }

    boolean hasSignalled() {
        return read(() -> signalled);
    }

    boolean hasLogged() {
        return read(() -> logged);
    }

    Optional<byte[]> publishedValue(String key) {
        lock.lock();
        try {
            return Optional.ofNullable(published.get(key));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code condition} holds or {@code nanos} pass, whichever is first; the condition
     * is checked under the lock after every change.
     */
    boolean await(BooleanSupplier condition, long nanos) throws InterruptedException {
        long remaining = nanos;
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean read(BooleanSupplier value) {
        lock.lock();
        try {
            return value.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }
}

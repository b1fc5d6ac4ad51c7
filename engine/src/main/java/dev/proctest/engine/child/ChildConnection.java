package dev.proctest.engine.child;

import dev.proctest.RemoteAnswer;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.calls.RemoteAnswering;
import dev.proctest.engine.coordination.Coordination;
import dev.proctest.engine.hub.Hub;
import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import dev.proctest.wire.PendingReplies;
import dev.proctest.wire.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A Java child's conversation with the test JVM, the one owner of it: every message the child
 * sends arrives here in order and goes where it belongs (records to the log, calls to the
 * recorder, what follows records to the status once the records before it are in the log), and
 * everything the test JVM asks of the child goes out from here (sync, runs, answers, coverage).
 */
final class ChildConnection implements HubMember {

    private final ChildPlan plan;
    private final ChildLog log;
    private final ChildCalls calls;
    private final ChildStatus status;
    private final Hub hub;
    private final String id;
    private final RemoteAnswering answering;
    private final boolean coverage;
    private final Coordination coordination;
    private final PendingReplies runs = new PendingReplies();
    private final AtomicReference<CompletableFuture<Void>> coverageDumped = new AtomicReference<>();
    private Long unsentSync;
    private boolean admitted;

    /**
     * Expects the child at {@code hub}.
     *
     * @param answers the answers the test JVM computes, by {@code <type>.<method>}
     * @param coverage whether the child has the coverage agent, and so answers a {@link Message.Dump}
     * @param pooledId the id of the JVM of the pool that serves the child, which is then handed
     *     over to it ({@link Hub#handOver}); null for a child started for it
     * @param coordination the barriers and mailboxes of the child's scope
     */
    ChildConnection(ChildPlan plan, ChildLog log, ChildCalls calls, ChildStatus status, Map<String, RemoteAnswer> answers, Hub hub,
            boolean coverage, String pooledId, Coordination coordination) {
        this.plan = plan;
        this.log = log;
        this.calls = calls;
        this.status = status;
        this.hub = hub;
        this.coverage = coverage;
        this.coordination = coordination;
        this.id = pooledId == null ? hub.expect(this) : pooledId;
        this.answering = answers.isEmpty() ? null
                : new RemoteAnswering(plan.childName(), answers, (number, reply) -> hub.send(id, new Message.Answer(number, reply)));
        log.syncWith(this::sync);
    }

    /** Takes over the JVM of the pool whose id this connection was made with: it is sent this child's plan. */
    void handOver() {
        hub.handOver(id, this);
    }

    /** Returns whether the child has connected, so that messages reach it. */
    synchronized boolean isAdmitted() {
        return admitted;
    }

    /** Returns the id the child connects with. */
    String id() {
        return id;
    }

    @Override
    public Optional<ChildPlan> plan() {
        return Optional.of(plan);
    }

    @Override
    public void admitted() {
        log.connection(true);
        Long sync;
        synchronized (this) {
            admitted = true;
            sync = unsentSync;
            unsentSync = null;
        }
        if (sync != null) {
            hub.send(id, new Message.Sync(sync)); // asked before the child connected
        }
    }

    @Override
    public void refused(String reason) {
        status.refused(reason);
    }

    // What the child says after logging takes effect after its records: a test that sees it sees them.

    @Override
    public void receive(Message message) {
        if (message instanceof Message.Logs logs) {
            log.reported(logs.batch());
        } else if (message instanceof Message.Called called) {
            calls.add(called.batch());
        } else if (message instanceof Message.Started started) {
            status.timeFrom(started.origin(), log::timeFrom);
            log.afterRecordsSoFar(status::started);
        } else if (message instanceof Message.Ready) {
            log.afterRecordsSoFar(status::signalledReady);
        } else if (message instanceof Message.Publish publish) {
            log.afterRecordsSoFar(() -> status.published(publish.key(), publish.value()));
        } else if (message instanceof Message.Returned returned) {
            log.afterRecordsSoFar(() -> {
                runs.complete(returned.number(), returned.reply());
                status.changes().signal();
            });
        } else if (message instanceof Message.Arrive arrive) {
            log.afterRecordsSoFar(() -> coordination.arrive(plan.childName(), this, arrive.barrier(), arrive.timeoutMillis(),
                    granting(arrive.number()), clock()));
        } else if (message instanceof Message.Put put) {
            log.afterRecordsSoFar(() -> coordination.put(put.key(), put.value()));
        } else if (message instanceof Message.Take take) {
            log.afterRecordsSoFar(() -> coordination.take(plan.childName(), take.key(), take.timeoutMillis(), granting(take.number()),
                    clock()));
        } else if (message instanceof Message.Synced synced) {
            log.synced(synced.number());
        } else if (message instanceof Message.Ask ask && answering != null) {
            answering.asked(ask.number(), ask.call());
        } else if (message instanceof Message.Dumped) {
            CompletableFuture<Void> written = coverageDumped.getAndSet(null);
            if (written != null) {
                written.complete(null);
            }
        } else if (message instanceof Message.End) {
            log.reportsComplete();
        }
    }

    private Consumer<Reply> granting(long number) {
        return reply -> hub.send(id, new Message.Granted(number, reply));
    }

    /** Says where one of the child's threads waits at a barrier, and for whom, if one does. */
    Optional<String> coordinationWait() {
        return coordination.waitOf(plan.childName());
    }

    /** Says, for a child whose time runs faster, that its coordination waits are counted in real time. */
    private String clock() {
        return plan.time().rewrites() ? ", not the child's time" : "";
    }

    @Override
    public void disconnected() {
        log.connection(false); // a child killed says no END: once it has exited, its closed connection says it for it
    }

    @Override
    public void tick() {
        log.tick();
    }

    /** Asks the child to answer question {@code number} once the records of the lines it wrote so far are sent. */
    private void sync(long number) {
        synchronized (this) {
            if (!admitted) {
                unsentSync = number; // asked when it connects
                return;
            }
        }
        hub.send(id, new Message.Sync(number));
    }

    /**
     * Sends the child a serialized lambda to run.
     *
     * @return the run, whose reply comes once the records it logged are in the log; empty if the
     *     child is not connected
     */
    Optional<PendingReplies.Request> run(byte[] callable) {
        PendingReplies.Request request = runs.start();
        if (!hub.send(id, new Message.Run(request.number(), callable))) {
            request.close();
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /**
     * Asks the child to write its code coverage and waits up to {@code timeout} for it to have.
     *
     * @return whether it did: false without coverage, for a child not connected, or after the timeout
     */
    boolean dumpCoverage(Duration timeout) {
        if (!coverage) {
            return false;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        coverageDumped.set(written);
        if (!hub.send(id, new Message.Dump())) {
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

    /** Forgets the child at the hub and stops answering: the child is gone. */
    void close() {
        hub.forget(id);
        if (answering != null) {
            answering.close();
        }
    }
}

package dev.proctest.engine.coordination;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.CoordinationException;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The barriers and mailboxes of one scope, a test or a class, which the test and the scope's
 * children share; the one place that decides, in real time, when a wait ends. Children's
 * arrivals and takes come from the hub's thread and are answered through their connection; the
 * test waits on its own thread, on the scope's changes, so that a party's exit ends its wait at
 * once. When the test fails or the scope ends, every barrier not passed breaks and every take
 * waiting fails.
 */
@API(status = INTERNAL, since = "0.4")
public final class Coordination implements AutoCloseable {

    static final ScheduledThreadPoolExecutor TIMERS = Barrier.timers();

    private final String scopeName;
    private final Changes changes;
    private final Duration defaultTimeout;
    private final Parties parties;
    private final Map<String, Barrier> barriers = new HashMap<>();
    private final Map<String, Queue> mailboxes = new HashMap<>();
    private final Map<String, Boolean> testArrived = new HashMap<>();
    private String broken;

    /** @param scopeName what the scope is, as messages say it: "test" or "test class" */
    public Coordination(String scopeName, Changes changes, Duration defaultTimeout, Parties parties) {
        this.scopeName = scopeName;
        this.changes = changes;
        this.defaultTimeout = defaultTimeout;
        this.parties = parties;
    }

    /**
     * Child {@code child}, as process {@code incarnation}, arrives at {@code name}; {@code reply}
     * gets how its wait ended.
     *
     * @param timeoutMillis how long it waits, or negative for the default
     * @param clock how the child's time relates to real time, for messages: "" for real time
     */
    public synchronized void arrive(String child, Object incarnation, String name, long timeoutMillis, Consumer<Reply> reply,
            String clock) {
        Barrier barrier = barrier(name);
        String refusal = broken != null && !barrier.passed ? broken(barrier, broken)
                : barrier.broken != null ? barrier.broken
                : barrier.parties != null && !barrier.parties.contains(child) ? notParty(barrier, child)
                : null;
        if (refusal != null) {
            reply.accept(Reply.failed(refusal));
            return;
        }
        if (barrier.passed) {
            reply.accept(Reply.value(null));
            return;
        }
        barrier.arrived.put(child, incarnation);
        Duration timeout = timeout(timeoutMillis);
        Barrier.Waiter waiter = new Barrier.Waiter(child, reply, new ScheduledFuture<?>[1]);
        barrier.waiting.add(waiter);
        settle(barrier);
        if (!barrier.isSettled()) {
            waiter.timer()[0] = TIMERS.schedule(() -> gaveUp(barrier, waiter, timeout, clock), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        changes.signal();
    }

    private synchronized void gaveUp(Barrier barrier, Barrier.Waiter waiter, Duration timeout, String clock) {
        if (barrier.waiting.contains(waiter)) {
            barrier.breakFor(what(barrier) + " broke: child '" + waiter.child() + "' gave up waiting after " + Durations.format(timeout)
                    + " of real time" + clock + "; " + barrier.state(parties, arrived(barrier)));
            changes.signal();
        }
    }

    /**
     * The test arrives at {@code name}, whose other parties are {@code children}, and waits until
     * they have all arrived.
     *
     * @param timeout how long to wait, or null for the default
     */
    public void testArrives(String name, List<String> children, Duration timeout) {
        Duration wait = timeout == null ? defaultTimeout : timeout;
        long deadline = System.nanoTime() + wait.toNanos();
        Barrier barrier;
        synchronized (this) {
            barrier = barrier(name);
            if (testArrived.put(name, true) != null) {
                throw new IllegalStateException("The test arrived at " + what(barrier) + " before; a barrier is passed once: give each"
                        + " barrier of a " + scopeName + " its own name");
            }
            if (broken != null || barrier.broken != null) {
                throw new CoordinationException(barrier.broken != null ? barrier.broken : breakNow(barrier, broken));
            }
            barrier.parties = List.copyOf(children);
            barrier.waiting.removeIf(waiter -> {
                boolean stranger = !children.contains(waiter.child());
                if (stranger) {
                    waiter.reply().accept(Reply.failed(notParty(barrier, waiter.child())));
                }
                return stranger;
            });
            settle(barrier);
        }
        try {
            changes.await(() -> isSettled(barrier) || gone(barrier) != null, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoordinationException(breakNow(barrier, "the test was interrupted while it waited there (by its @Timeout?)"), e);
        }
        synchronized (this) {
            if (barrier.passed) {
                return;
            }
            if (barrier.broken != null) {
                throw new CoordinationException(barrier.broken);
            }
            String gone = gone(barrier);
            throw new CoordinationException(breakNow(barrier, gone != null ? gone
                    : "the test waited " + Durations.format(wait) + " (" + deadlineNote(timeout) + ")"));
        }
    }

    /** Puts a serialized value into mailbox {@code key}: the first waiting taker gets it, or it waits for one. */
    public synchronized void put(String key, byte[] value) {
        mailbox(key).put(value);
        changes.signal();
    }

    /** Child {@code child} takes from mailbox {@code key}; {@code reply} gets the value's bytes, or why there is none. */
    public synchronized void take(String child, String key, long timeoutMillis, Consumer<Reply> reply, String clock) {
        if (broken != null) {
            reply.accept(Reply.failed(mailbox(key).describe() + ": " + broken));
            return;
        }
        Duration timeout = timeout(timeoutMillis);
        mailbox(key).childTakes(child, reply, timeout, clock);
    }

    /** The test takes from mailbox {@code key}, waiting up to {@code timeout} (null for the default); returns the value's bytes. */
    public byte[] testTakes(String key, Duration timeout) {
        Duration wait = timeout == null ? defaultTimeout : timeout;
        long deadline = System.nanoTime() + wait.toNanos();
        Queue.TestTaker taker;
        synchronized (this) {
            if (broken != null) {
                throw new CoordinationException(mailbox(key).describe() + ": " + broken);
            }
            taker = mailbox(key).testTakes();
        }
        boolean interrupted = false;
        try {
            changes.await(() -> taker.value().isDone() || isBroken() || parties.allGone(), deadline);
        } catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            Queue queue = mailbox(key);
            if (taker.value().isDone()) {
                try {
                    return taker.value().join();
                } catch (CompletionException e) {
                    throw (CoordinationException) e.getCause();
                }
            }
            queue.withdraw(taker);
            String why = interrupted ? "the test was interrupted while it waited (by its @Timeout?)"
                    : broken != null ? broken
                    : parties.allGone() ? "every child of the " + scopeName + " has exited, so none can put into it"
                    : "it stayed empty for " + Durations.format(wait) + " (" + deadlineNote(timeout) + ")";
            throw new CoordinationException(queue.describe() + ": " + why);
        }
    }

    /**
     * Breaks every barrier not passed and fails every waiting take, for {@code reason} ("the test
     * failed: ..."); later arrivals and takes fail at once with it.
     */
    public synchronized void breakAll(String reason) {
        if (broken != null) {
            return;
        }
        broken = reason;
        barriers.values().stream().filter(barrier -> !barrier.isSettled()).forEach(barrier -> breakNow(barrier, reason));
        mailboxes.values().forEach(queue -> queue.fail(reason));
        changes.signal();
    }

    /** Says where a thread of {@code child} waits, for a message about it: at a barrier, with who is missing; else empty. */
    public synchronized Optional<String> waitOf(String child) {
        return barriers.values().stream().filter(barrier -> !barrier.isSettled())
                .filter(barrier -> barrier.waiting.stream().anyMatch(waiter -> waiter.child().equals(child))).findFirst()
                .map(barrier -> "it waits at " + what(barrier).replace("Barrier", "barrier") + ", where "
                        + barrier.state(parties, arrived(barrier)));
    }

    /** Ends the scope's coordination: whoever still waits fails. */
    @Override
    public void close() {
        breakAll("its " + scopeName + " has ended");
    }

    private synchronized boolean isBroken() {
        return broken != null;
    }

    private synchronized boolean isSettled(Barrier barrier) {
        return barrier.isSettled();
    }

    /** Passes the barrier once the test and every child it named have arrived, each as the process it runs as now. */
    private void settle(Barrier barrier) {
        if (barrier.isSettled() || barrier.parties == null || !arrived(barrier)) {
            return;
        }
        for (String party : barrier.parties) {
            Object incarnation = parties.incarnation(party);
            if (incarnation == null || barrier.arrived.get(party) != incarnation) {
                return;
            }
        }
        barrier.pass();
        changes.signal();
    }

    /** Returns why a party of the barrier can no longer arrive, or null. */
    private synchronized String gone(Barrier barrier) {
        if (barrier.parties == null || barrier.isSettled()) {
            return null;
        }
        for (String party : barrier.parties) {
            String gone = parties.gone(party);
            if (gone != null) {
                return "child '" + party + "' " + gone + " before the barrier was passed";
            }
        }
        return null;
    }

    private synchronized String breakNow(Barrier barrier, String reason) {
        if (barrier.broken == null && !barrier.passed) {
            barrier.breakFor(broken(barrier, reason));
            changes.signal();
        }
        return barrier.broken != null ? barrier.broken : broken(barrier, reason);
    }

    private String broken(Barrier barrier, String reason) {
        return what(barrier) + " broke: " + reason + "; " + barrier.state(parties, arrived(barrier));
    }

    private String notParty(Barrier barrier, String child) {
        return "Child '" + child + "' is not a party of " + what(barrier) + ": the test named " + Barrier.quoted(barrier.parties);
    }

    private boolean arrived(Barrier barrier) {
        return testArrived.containsKey(barrier.name);
    }

    private String what(Barrier barrier) {
        return "Barrier '" + barrier.name + "' of the " + scopeName;
    }

    private String deadlineNote(Duration timeout) {
        return timeout == null ? "proctest.coordination.timeout" : "the timeout it was given";
    }

    private Duration timeout(long millis) {
        return millis < 0 ? defaultTimeout : Duration.ofMillis(millis);
    }

    private Barrier barrier(String name) {
        return barriers.computeIfAbsent(name, Barrier::new);
    }

    private Queue mailbox(String key) {
        return mailboxes.computeIfAbsent(key, name -> new Queue(name, scopeName, this));
    }
}

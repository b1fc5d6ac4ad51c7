package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What happened to one child from outside, in order: started, ready, paused, resumed, asked to
 * stop, killed, exited. Its test's report draws them on the timeline; the run's tally counts the
 * children that started and ended.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildEvents {

    /** How many events a child keeps; a child paused and resumed in a loop counts the others. */
    private static final int KEPT = 1_000;

    /** One event: {@code what} happened at {@code time}; {@code detail} says more, or is empty. */
    public record Event(Instant time, String what, String detail) {}

    private final RunTally tally;
    private final List<Event> events = new ArrayList<>();
    private long dropped;
    private volatile Instant startedAt = Instant.now();
    private volatile boolean shared;

    public ChildEvents(RunTally tally) {
        this.tally = tally;
    }

    /** The child's process started, from the pool or cold. */
    public void started(String detail) {
        startedAt = Instant.now();
        tally.started();
        add("started", detail);
    }

    /** The child is shared by the run's tests: their pages show it, the run counts it once. */
    public void shared() {
        shared = true;
    }

    /** Whether the child is shared by the run's tests, rather than owned by one test or class. */
    public boolean isShared() {
        return shared;
    }

    /** The child's process ended with {@code code}. */
    public void exited(int code) {
        tally.ended();
        add("exited", "code " + code);
    }

    public synchronized void add(String what, String detail) {
        if (events.size() == KEPT) {
            dropped++;
            return;
        }
        events.add(new Event(Instant.now(), what, detail));
    }

    /** When the child's process started, or was about to. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Returns the events so far, oldest first. */
    public synchronized List<Event> all() {
        return List.copyOf(events);
    }

    /** Returns how many events came after the kept ones. */
    public synchronized long dropped() {
        return dropped;
    }
}

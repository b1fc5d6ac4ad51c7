package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.util.ArrayDeque;
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

    /** How many of a child's first events are kept, its start among them. */
    private static final int FIRST = 100;
    /** How many of its newest events are kept besides, its end among them; those between are counted. */
    private static final int NEWEST = 900;

    /** One event: {@code what} happened at {@code time}; {@code detail} says more, or is empty. */
    public record Event(Instant time, String what, String detail) {}

    private final RunTally tally;
    private final List<Event> first = new ArrayList<>();
    private final ArrayDeque<Event> newest = new ArrayDeque<>();
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

    /**
     * Adds an event. A child paused and resumed in a loop keeps its first and its newest events,
     * so that its timeline still shows how it started and how it ended; those between are counted.
     */
    public synchronized void add(String what, String detail) {
        Event event = new Event(Instant.now(), what, detail);
        if (first.size() < FIRST) {
            first.add(event);
            return;
        }
        if (newest.size() == NEWEST) {
            newest.removeFirst();
            dropped++;
        }
        newest.addLast(event);
    }

    /** When the child's process started, or was about to. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Returns the events so far, oldest first. */
    public synchronized List<Event> all() {
        List<Event> all = new ArrayList<>(first.size() + newest.size());
        all.addAll(first);
        all.addAll(newest);
        return all;
    }

    /** Returns how many events came between the first and the newest kept ones, and are not kept. */
    public synchronized long dropped() {
        return dropped;
    }
}

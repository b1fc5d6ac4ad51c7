package dev.proctest.engine.links;

import dev.proctest.Endpoint;
import dev.proctest.Link;
import dev.proctest.LinkFaults;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.sockets.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@link Link} a test is given: each call hands its fault to the link's thread and returns once
 * it is in force there, and says it in the transcript.
 */
final class LinkProxy implements Link {

    private final String name;
    private final Endpoint endpoint;
    private final Endpoint target;
    private final LinkLoop loop;
    final LinkCore core;
    private final LinkFaults upstreamFaults;
    private final LinkFaults downstreamFaults;
    private final List<Direction> both;
    private volatile boolean closed;

    LinkProxy(String name, Endpoint endpoint, Endpoint target, Transcript transcript) {
        this.name = name;
        this.endpoint = endpoint;
        this.target = target;
        LinkNotes notes = new LinkNotes(transcript, name);
        this.loop = new LinkLoop(name, notes::trouble);
        this.core = new LinkCore(loop, notes, endpoint, target);
        this.both = List.of(core.upstream, core.downstream);
        this.upstreamFaults = new DirectionFaults(this, List.of(core.upstream));
        this.downstreamFaults = new DirectionFaults(this, List.of(core.downstream));
        try {
            loop.call(() -> {
                core.open();
                return null;
            });
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public Endpoint target() {
        return target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void partition() {
        partition(both);
    }

    @Override
    public void delay(Duration latency) {
        delay(both, latency, Duration.ZERO);
    }

    @Override
    public void delay(Duration latency, Duration jitter) {
        delay(both, latency, jitter);
    }

    @Override
    public void throttle(long bytesPerSecond) {
        throttle(both, bytesPerSecond);
    }

    @Override
    public void dropNext(int count) {
        dropNext(both, count);
    }

    @Override
    public void drop(Predicate<List<byte[]>> which) {
        rule(both, which, "dropping", true);
    }

    @Override
    public void hold(Predicate<List<byte[]>> which) {
        rule(both, which, "holding", false);
    }

    @Override
    public int release() {
        return release(both);
    }

    @Override
    public void heal() {
        onLoop("healed", () -> {
            core.sharedDrops.left = 0;
            core.heal(both);
            core.listener.refuse(false);
        });
    }

    @Override
    public void reset() {
        long lost = onLoop(core::resetAll);
        core.notes.fault("reset every connection" + (lost > 0 ? ", losing " + lost + " bytes that waited in the link" : ""));
    }

    @Override
    public void refuse() {
        onLoop("refusing new connections", () -> core.listener.refuse(true));
    }

    @Override
    public LinkFaults upstream() {
        return upstreamFaults;
    }

    @Override
    public LinkFaults downstream() {
        return downstreamFaults;
    }

    /** Returns how many wake-ups the link's thread has pending. */
    int pendingTimers() {
        return loop.call(loop::pendingTimers);
    }

    /** Says the faults in force, or "" for none or for a closed link. */
    String faultsInForce() {
        try {
            return closed ? "" : loop.call(core::faultsInForce);
        } catch (RuntimeException e) { // a report must not hide the failure it reports on
            return "(its faults are unknown: " + e.getMessage() + ")";
        }
    }

    /** Closes every connection and the listener, and ends the link's thread. */
    void close() {
        if (!closed) {
            closed = true;
            loop.close(core::close);
        }
    }

    @Override
    public String toString() {
        return name + " (" + endpoint + " -> " + target + ")";
    }

    void partition(List<Direction> directions) {
        onLoop("partitioned" + said(directions), () -> {
            directions.forEach(direction -> direction.partitioned = true);
            core.listener.update(); // a partition hides whether the target is up
            core.drainAll();
        });
    }

    void delay(List<Direction> directions, Duration latency, Duration jitter) {
        long latencyNanos = nanos(latency, "latency");
        long jitterNanos = nanos(jitter, "jitter");
        onLoop("delaying by " + Durations.format(latency) + (jitterNanos > 0 ? " + up to " + Durations.format(jitter) : "")
                + said(directions), () -> directions.forEach(direction -> {
                    direction.latencyNanos = latencyNanos;
                    direction.jitterNanos = jitterNanos;
                }));
    }

    void throttle(List<Direction> directions, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("A throttle lets a positive number of bytes through per second, was " + bytesPerSecond
                    + "; partition() lets none through");
        }
        onLoop("throttling to " + bytesPerSecond + " bytes/s" + said(directions), () -> {
            directions.forEach(direction -> direction.bytesPerSecond = bytesPerSecond);
            core.drainAll();
        });
    }

    void dropNext(List<Direction> directions, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("dropNext drops at least one message, was " + count);
        }
        onLoop("dropping the next " + count + (count == 1 ? " message" : " messages") + said(directions), () -> {
            requireMessages();
            if (directions.size() == 1) {
                directions.get(0).dropNext = count;
            } else {
                core.sharedDrops.left = count;
            }
        });
    }

    void rule(List<Direction> directions, Predicate<List<byte[]>> which, String what, boolean drop) {
        Objects.requireNonNull(which, "which messages");
        onLoop(what + " matching messages" + said(directions), () -> {
            requireMessages();
            directions.forEach(direction -> (drop ? direction.drops : direction.holds).add(which));
        });
    }

    int release(List<Direction> directions) {
        return onLoop(() -> core.release(directions));
    }

    private void requireMessages() {
        if (core.carriesOtherProtocol()) {
            throw new IllegalStateException(name + " carries connections that are not ZeroMQ connections (ZMTP 3 with the NULL"
                    + " mechanism), so it sees no messages to drop or hold: message faults are for ZeroMQ links; use partition,"
                    + " delay, throttle or reset for a byte stream");
        }
    }

    String said(List<Direction> directions) {
        return directions.size() == 1 ? " (" + directions.get(0).name + " only)" : "";
    }

    void onLoop(String note, Runnable change) {
        onLoop(() -> {
            change.run();
            core.notes.fault(note);
            return null;
        });
    }

    private <T> T onLoop(Supplier<T> task) {
        if (closed) {
            throw new IllegalStateException(name + " is closed: its scope has ended");
        }
        return loop.call(task);
    }

    private static long nanos(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A link's " + what + " cannot be negative, was " + Durations.format(duration));
        }
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A link's " + what + " of " + duration + " is too long", e);
        }
    }
}

package dev.proctest.engine.links;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The faults on one direction of a link, for all its connections: read and changed on the link's
 * own thread only.
 */
final class Direction {

    /** What becomes of a message. */
    enum Verdict { PASS, DROP, HOLD }

    final String name;
    boolean partitioned;
    long latencyNanos;
    long jitterNanos;
    /** Bytes per second per connection, or 0 for no throttle. */
    long bytesPerSecond;
    int dropNext;
    final List<Predicate<List<byte[]>>> drops = new ArrayList<>();
    final List<Predicate<List<byte[]>>> holds = new ArrayList<>();

    Direction(String name) {
        this.name = name;
    }

    /** The time a unit that arrives {@code now} may leave, before the order of its connection is kept. */
    long due(long now) {
        if (latencyNanos == 0 && jitterNanos == 0) {
            return now;
        }
        long jitter = jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterNanos + 1);
        return now + latencyNanos + jitter;
    }

    boolean hasMessageRules() {
        return dropNext > 0 || !drops.isEmpty() || !holds.isEmpty();
    }

    /** Whatever comes through passes as it comes: nothing delays, slows or judges it. */
    boolean passesAtOnce() {
        return !partitioned && latencyNanos == 0 && jitterNanos == 0 && bytesPerSecond == 0;
    }

    /** Says the faults in force, as a failure report shows them: {@code partitioned, throttled to 1000 bytes/s}; "" for none. */
    String describe() {
        List<String> faults = new ArrayList<>();
        if (partitioned) {
            faults.add("partitioned");
        }
        if (latencyNanos > 0 || jitterNanos > 0) {
            faults.add("delayed by " + latencyNanos / 1_000_000 + " ms" + (jitterNanos > 0 ? " + up to " + jitterNanos / 1_000_000 + " ms" : ""));
        }
        if (bytesPerSecond > 0) {
            faults.add("throttled to " + bytesPerSecond + " bytes/s");
        }
        if (dropNext > 0) {
            faults.add("dropping the next " + dropNext + " messages");
        }
        if (!drops.isEmpty()) {
            faults.add("dropping matching messages");
        }
        if (!holds.isEmpty()) {
            faults.add("holding matching messages");
        }
        return String.join(", ", faults);
    }

    void heal() {
        partitioned = false;
        latencyNanos = 0;
        jitterNanos = 0;
        bytesPerSecond = 0;
        dropNext = 0;
        drops.clear();
        holds.clear();
    }

    /** Says what becomes of {@code frames}: the link's shared count first, then this direction's rules. */
    Verdict judge(List<byte[]> frames, Counter shared, Predicates onThrow) {
        if (dropNext > 0) {
            dropNext--;
            return Verdict.DROP;
        }
        if (shared.take()) {
            return Verdict.DROP;
        }
        for (Predicate<List<byte[]>> drop : drops) {
            if (onThrow.test(drop, frames)) {
                return Verdict.DROP;
            }
        }
        for (Predicate<List<byte[]>> hold : holds) {
            if (onThrow.test(hold, frames)) {
                return Verdict.HOLD;
            }
        }
        return Verdict.PASS;
    }

    /** The link's count of messages to drop, of both directions together. */
    static final class Counter {
        int left;

        boolean take() {
            if (left > 0) {
                left--;
                return true;
            }
            return false;
        }
    }

    /** Runs a user's predicate, which may throw. */
    interface Predicates {
        boolean test(Predicate<List<byte[]>> predicate, List<byte[]> frames);
    }
}

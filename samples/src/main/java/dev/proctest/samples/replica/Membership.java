package dev.proctest.samples.replica;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication protocol of one node, without any network: which peers it hears, which term it
 * knows, and whether it is the primary. Time is a monotonic clock in nanoseconds, so that a
 * stepped wall clock changes nothing.
 *
 * <ul>
 *   <li>A peer is alive while its heartbeats come within the failure timeout.
 *   <li>A node is primary only while it hears a majority (itself included): a primary cut off from
 *       the majority steps down once the timeout has passed.
 *   <li>A backup with a majority that hears no primary, and is the lowest-numbered backup it hears,
 *       becomes primary for a new term; not in its first failure timeout, nor in the one after it
 *       stepped down, while it may not have heard every live peer yet (a primary resumed from a
 *       pause reads its peers' old heartbeats first, and would claim the term its successor holds).
 *   <li>A primary that hears a primary of a later term steps down.
 * </ul>
 */
final class Membership {

    private record Peer(Heartbeat last, long heardAt) {}

    private final int self;
    private final int size;
    private final long timeoutNanos;
    /** Before this time the node claims nothing: it may not have heard every live peer. */
    private long claimsFrom;
    private final Map<Integer, Peer> peers = new HashMap<>();
    private long term;
    /** The latest term a peer's heartbeat named; this node's own term catches up with it at its next tick. */
    private long latestTerm;
    private boolean primary;
    private int followed = -1;

    /** @param startedAt when the node started, on the clock of {@link #tick} */
    Membership(int self, int size, long timeoutNanos, long startedAt) {
        this.claimsFrom = startedAt + timeoutNanos;
        this.self = self;
        this.size = size;
        this.timeoutNanos = timeoutNanos;
    }

    long term() {
        return term;
    }

    boolean primary() {
        return primary;
    }

    /** Takes a peer's heartbeat; returns how many of its heartbeats were missed since the last one heard. */
    long heard(Heartbeat heartbeat, long now) {
        Peer before = peers.put(heartbeat.node(), new Peer(heartbeat, now));
        latestTerm = Math.max(latestTerm, heartbeat.term());
        return before == null ? 0 : Math.max(0, heartbeat.sequence() - before.last.sequence() - 1);
    }

    /** Forgets a peer entirely, as after it restarted. */
    void forget(int node) {
        peers.remove(node);
    }

    /** Applies the rules at {@code now}; returns what changed, as lines to log. */
    List<String> tick(long now) {
        List<String> changes = new ArrayList<>();
        List<Heartbeat> alive = peers.values().stream().filter(peer -> now - peer.heardAt <= timeoutNanos).map(Peer::last).toList();
        boolean majority = alive.size() + 1 > size / 2;
        Heartbeat otherPrimary = alive.stream().filter(Heartbeat::primary)
                .max((a, b) -> a.term() != b.term() ? Long.compare(a.term(), b.term()) : Integer.compare(b.node(), a.node())).orElse(null);
        if (primary && !majority) {
            primary = false;
            claimsFrom = now + timeoutNanos;
            changes.add("node " + self + " steps down: it hears " + alive.size() + " of its " + (size - 1) + " peers, no majority");
        } else if (primary && otherPrimary != null && (otherPrimary.term() > term || otherPrimary.term() == term && otherPrimary.node() < self)) {
            primary = false;
            claimsFrom = now + timeoutNanos;
            changes.add("node " + self + " steps down: node " + otherPrimary.node() + " is primary for term " + otherPrimary.term());
        } else if (!primary && majority && otherPrimary == null && alive.stream().noneMatch(peer -> peer.node() < self)
                && now - claimsFrom > 0) {
            primary = true;
            term = Math.max(term, latestTerm) + 1;
            followed = self;
            changes.add("node " + self + " is primary for term " + term);
        }
        if (!primary) {
            term = Math.max(term, latestTerm);
        }
        if (!primary && otherPrimary != null && otherPrimary.node() != followed) {
            followed = otherPrimary.node();
            changes.add("node " + self + " follows primary " + followed + " (term " + otherPrimary.term() + ")");
        }
        return changes;
    }
}

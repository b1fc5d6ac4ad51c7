package dev.proctest.samples.cluster;

import java.util.Set;
import java.util.TreeSet;

/** Who leads: the live node with the lowest id, as this node sees them. Pure, for unit tests. */
final class Election {

    private Election() {}

    /** Returns the leader among this node and the peers that answered: the lowest id. */
    static int leader(int self, Set<Integer> livePeers) {
        TreeSet<Integer> live = new TreeSet<>(livePeers);
        live.add(self);
        return live.first();
    }
}

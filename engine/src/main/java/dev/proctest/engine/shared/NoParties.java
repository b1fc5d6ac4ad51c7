package dev.proctest.engine.shared;

import dev.proctest.engine.coordination.Coordination;
import dev.proctest.engine.coordination.Parties;
import dev.proctest.engine.support.Changes;
import java.time.Duration;

/**
 * The coordination of a shared child: none. No test arrives at its barriers or reads its
 * mailboxes, since they belong to the scope of a test or a class, so each of its barriers and
 * takes fails at once and says why, instead of waiting out its timeout.
 */
final class NoParties implements Parties {

    private NoParties() {}

    static Coordination coordination(String child, Changes changes) {
        Coordination coordination = new Coordination("shared child", changes, Duration.ZERO, new NoParties());
        coordination.breakAll("'" + child + "' is a shared child, which no test coordinates with: barriers and mailboxes belong to"
                + " the children a test or a test class starts");
        return coordination;
    }

    @Override
    public Object incarnation(String name) {
        return null;
    }

    @Override
    public String gone(String name) {
        return null;
    }

    @Override
    public boolean allGone() {
        return false;
    }
}

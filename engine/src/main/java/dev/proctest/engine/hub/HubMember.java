package dev.proctest.engine.hub;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import java.util.Optional;
import org.apiguardian.api.API;

/** A child the hub expects: the plan it is sent when it connects, and whom the hub hands what it says. */
@API(status = INTERNAL, since = "0.1")
public interface HubMember {

    /**
     * Returns the plan the child is sent when it connects; empty for a JVM of the pool, which waits
     * for the child it will serve ({@link Hub#handOver}).
     */
    Optional<ChildPlan> plan();

    /** The child connected, presented the run's token and speaks this protocol; its plan, if it has one, has been sent. */
    void admitted();

    /** The hub refused the child: {@code reason} says why, for the test's failure message. */
    void refused(String reason);

    /** Takes a message from the child, on the hub's thread, in the order the child sent them. */
    void receive(Message message);

    /**
     * The child's connection closed, on the hub's thread after everything the child sent over it:
     * nothing more will come from it, whether or not it said END.
     */
    void disconnected();

    /** Called on the hub's thread every few milliseconds, with the hub's messages so far handled. */
    void tick();
}

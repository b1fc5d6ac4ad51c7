package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A loopback proxy in the test JVM in front of an {@link Endpoint}, which injects network faults:
 * give clients its {@link #endpoint()} instead of the server's, then partition, delay, throttle,
 * reset or refuse what passes, in both directions or in one ({@link #upstream()}, {@link
 * #downstream()}). Make one with {@link Processes#link(Endpoint)}; it is closed when its scope
 * ends, after the scope's children have stopped.
 *
 * <pre>{@code
 * Link link = processes.link(server);
 * processes.spawn(JavaChild.main(Client.class).args(link.endpoint().address()));
 * link.partition();     // nothing passes, nothing is lost
 * ...
 * link.heal();          // what waited flows on
 * }</pre>
 *
 * <p>A link listens only while its target does, so that a client of a server that is down or not
 * up yet is refused, as it would be without the link (on Linux the link reads the target's state
 * from the system's socket tables: when it opens, when a connection to the target is refused,
 * broken or ended by the target, when a partition heals or a refusal ends, and every 50 ms while
 * the target is down; a client that connects after the server died, before anything told the
 * link, is accepted and reset at once).
 *
 * <p>Healthy, a link adds tens of microseconds to a round trip. Every fault it was given, with its
 * time, and what it dropped or held are in the test's transcript, with a count of the bytes and
 * messages it passed when the scope ends.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @since 0.3
 */
@API(status = EXPERIMENTAL, since = "0.3")
@NotExtensible
public interface Link extends LinkFaults {

    /** Returns the endpoint clients connect to instead of the {@link #target()}: of the same transport. */
    Endpoint endpoint();

    /** Returns the endpoint the link forwards to. */
    Endpoint target();

    /**
     * Returns the link's name in the transcript: {@code link 1 to tcp://127.0.0.1:4000}, or a
     * mesh's {@code node 0 to node 1} ({@code election: node 0 to node 1} for a named mesh).
     */
    String name();

    /**
     * Resets every current connection (TCP {@code RST} to both ends), dropping what waits in the
     * link; new connections are taken as before.
     */
    void reset();

    /** Refuses new connections as a port nobody listens on does, until {@link #heal()}; current ones go on. */
    void refuse();

    /** Returns the faults of the client-to-server direction only, for an asymmetric fault. */
    LinkFaults upstream();

    /** Returns the faults of the server-to-client direction only. */
    LinkFaults downstream();

    /**
     * Lifts every fault and rule of both directions, accepts connections again after {@link
     * #refuse()}, releases what is held and lets what waited flow.
     */
    @Override
    void heal();
}

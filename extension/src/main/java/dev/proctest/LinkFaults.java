package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The faults a {@link Link} puts on what passes through it: in both directions for the link itself,
 * in one for {@link Link#upstream()} (client to server) or {@link Link#downstream()} (server to
 * client). Each takes effect before the method returns and lasts until {@link #heal()}. A delay and
 * a throttle combine; a partition stops everything, whatever else is set.
 *
 * <p>Message faults work on ZeroMQ connections (ZMTP 3.0 or 3.1, NULL mechanism), which the link
 * recognises from their greeting: it then sees whole messages, each as the list of its frames as
 * they are on the wire (a {@code REQ} socket's messages start with an empty delimiter frame; a
 * {@code ROUTER}'s identity frame is not sent, so it is not there). ZMTP commands (the handshake,
 * {@code PING}, {@code SUBSCRIBE}) and a {@code SUB} socket's subscription messages are never
 * counted, dropped or held. Predicates run on the link's own thread and must not block; one that
 * throws matches nothing, and the transcript says so.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @since 0.3
 */
@API(status = EXPERIMENTAL, since = "0.3")
@NotExtensible
public interface LinkFaults {

    /**
     * Lets nothing through, and loses nothing, as a network partition does to TCP: connections stay
     * open, and what their ends send waits (in the link, then in the senders' buffers) until {@link
     * #heal()}, unless an end gives up first. A connection made meanwhile is accepted but reaches the
     * server only after the heal.
     */
    void partition();

    /** Delays every byte (or message) by {@code latency} from when it reaches the link. */
    void delay(Duration latency);

    /**
     * Delays every byte (or message) by {@code latency} plus a random part of up to {@code jitter};
     * never reorders what one connection carries.
     */
    void delay(Duration latency, Duration jitter);

    /** Lets at most {@code bytesPerSecond} through per connection and direction. */
    void throttle(long bytesPerSecond);

    /**
     * Drops the next {@code count} application messages; for the link itself, those of both
     * directions counted together. It sets the count: a second call replaces what is left of the
     * first.
     *
     * @throws IllegalStateException if the link's connections are not ZeroMQ connections
     */
    void dropNext(int count);

    /**
     * Drops every message whose frames {@code which} accepts, until {@link #heal()}.
     *
     * @throws IllegalStateException if the link's connections are not ZeroMQ connections
     */
    void drop(Predicate<List<byte[]>> which);

    /**
     * Holds back every message whose frames {@code which} accepts, until {@link #release()} or
     * {@link #heal()}; other messages pass it. Held messages are shown in the test's transcript.
     *
     * @throws IllegalStateException if the link's connections are not ZeroMQ connections
     */
    void hold(Predicate<List<byte[]>> which);

    /**
     * Sends the messages held so far on, in the order they arrived, each after what its connection
     * carried meanwhile; the hold goes on for later ones.
     *
     * @return how many messages were released
     */
    int release();

    /** Lifts every fault and rule, releases what is held and lets what waited flow. */
    void heal();
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.StopPlan;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.zeromq.SocketType;

/**
 * How a child is stopped at the end of its test, or by {@link ChildProcess#stop()}. Every way ends
 * the whole process tree of the child, its descendants first: what a signal leaves running after
 * {@code proctest.stop.timeout} (5 s by default, or {@link #within(Duration)}) is killed. A
 * system that stops when told to over its own protocol is stopped with {@link #bySending}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Stop {

    private static final Set<SocketType> SENDERS = Set.of(SocketType.REQ, SocketType.DEALER, SocketType.PUSH, SocketType.PAIR);

    private final StopPlan plan;

    private Stop(StopPlan plan) {
        this.plan = plan;
    }

    /** Sends {@code SIGTERM}, waits, then kills what is left. The default. */
    public static Stop gracefully() {
        return new Stop(new StopPlan(Signal.TERM, null, null));
    }

    /** Sends {@code signal}, waits, then kills what is left; for example {@code Signal.INT}. */
    public static Stop withSignal(Signal signal) {
        return new Stop(new StopPlan(Objects.requireNonNull(signal, "signal"), null, null));
    }

    /** Kills at once, with {@code SIGKILL}: the child cannot clean up. */
    public static Stop kill() {
        return new Stop(new StopPlan(Signal.KILL, null, null));
    }

    /**
     * Connects a socket of {@code type} to {@code endpoint}, sends {@code message} as one text frame,
     * waits for the child to exit, then kills what is left: the stop message of the PyZMQ articles,
     * {@code Stop.bySending(endpoint, SocketType.REQ, "[\"plzdiekthxbye\", null]")}. A message that
     * cannot be sent within the wait counts as one the child ignored.
     *
     * @param type a type that sends to the one peer it connects to: {@code REQ}, {@code DEALER},
     *     {@code PUSH} or {@code PAIR} ({@code PUB} would drop the message before the child's
     *     subscription arrives)
     */
    public static Stop bySending(Endpoint endpoint, SocketType type, String message) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(message, "message");
        if (!SENDERS.contains(Objects.requireNonNull(type, "type"))) {
            throw new IllegalArgumentException("A stop message is sent by a REQ, DEALER, PUSH or PAIR socket, not a " + type);
        }
        if (endpoint.transport() == Transport.UNIX) {
            throw new IllegalArgumentException("A stop message goes over ZeroMQ, which has no Unix domain sockets: " + endpoint
                    + " cannot take one. Stop the child with a signal, or send it its stop from the test");
        }
        return new Stop(new StopPlan(null, new StopPlan.Message(endpoint, type, message), null));
    }

    /** Returns this way of stopping with its own wait before killing. */
    public Stop within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("A stop timeout must not be negative, was " + timeout);
        }
        return new Stop(new StopPlan(plan.signal(), plan.message(), timeout));
    }

    StopPlan plan() {
        return plan;
    }

    @Override
    public String toString() {
        return plan.kills() ? "SIGKILL" : plan.first() + ", then SIGKILL";
    }
}

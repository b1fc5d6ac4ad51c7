package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import dev.proctest.Signal;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;
import org.zeromq.SocketType;

/**
 * How a {@code Stop} stops a child: a signal, or a message sent over the child's own protocol,
 * then a wait, then {@code SIGKILL}.
 *
 * @param signal the signal sent first, or null if a message is
 * @param message the message sent first, or null if a signal is
 * @param timeout its own wait, or null for {@code proctest.stop.timeout}
 */
@API(status = INTERNAL, since = "0.1")
public record StopPlan(Signal signal, Message message, Duration timeout) {

    /**
     * A stop message: sent by a socket of {@code type} connected to {@code endpoint}.
     *
     * @param text the message's one text frame
     */
    public record Message(Endpoint endpoint, SocketType type, String text) {}

    public Optional<Signal> firstSignal() {
        return Optional.ofNullable(signal);
    }

    public Optional<Message> stopMessage() {
        return Optional.ofNullable(message);
    }

    public Optional<Duration> ownTimeout() {
        return Optional.ofNullable(timeout);
    }

    /** Returns what is sent first, for messages: {@code SIGTERM}, or {@code the message [bye] sent by a REQ socket to tcp://...}. */
    public String first() {
        return signal != null ? "SIG" + signal
                : "the message [" + message.text() + "] sent by a " + message.type() + " socket to " + message.endpoint();
    }

    /** Whether it kills at once. */
    public boolean kills() {
        return signal == Signal.KILL;
    }
}

package dev.proctest;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How a child is stopped at the end of its test, or by {@link ChildProcess#stop()}. Every way ends
 * the whole process tree of the child, its descendants first: what a signal leaves running after
 * {@code proctest.stop.timeout} (5 s by default, or {@link #within(Duration)}) is killed.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Stop {

    private final Signal signal;
    private final Duration timeout;

    private Stop(Signal signal, Duration timeout) {
        this.signal = signal;
        this.timeout = timeout;
    }

    /** Sends {@code SIGTERM}, waits, then kills what is left. The default. */
    public static Stop gracefully() {
        return new Stop(Signal.TERM, null);
    }

    /** Sends {@code signal}, waits, then kills what is left; for example {@code Signal.INT}. */
    public static Stop withSignal(Signal signal) {
        return new Stop(Objects.requireNonNull(signal, "signal"), null);
    }

    /** Kills at once, with {@code SIGKILL}: the child cannot clean up. */
    public static Stop kill() {
        return new Stop(Signal.KILL, null);
    }

    /** Returns this way of stopping with its own wait before killing. */
    public Stop within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("A stop timeout must not be negative, was " + timeout);
        }
        return new Stop(signal, timeout);
    }

    @API(status = INTERNAL, since = "0.1")
    public Signal signal() {
        return signal;
    }

    @API(status = INTERNAL, since = "0.1")
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return signal == Signal.KILL ? "SIGKILL" : "SIG" + signal + ", then SIGKILL";
    }
}

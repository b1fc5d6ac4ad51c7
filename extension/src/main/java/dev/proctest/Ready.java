package dev.proctest;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * When a child is ready for the test to talk to it: {@link Processes#spawn} returns then, never
 * sooner, and fails if the child is not ready in time ({@code proctest.ready.timeout}, 10 s by
 * default, or {@link #within(Duration)}). Instead of sleeping, say what ready means:
 *
 * <pre>{@code
 * processes.spawn(JavaChild.main(PongProc.class).args(rep.address()).readyWhen(Ready.listening(rep)));
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Ready {

    /** What a readiness waits for. */
    @API(status = INTERNAL, since = "0.1")
    public enum Kind { ON_START, WHEN_LOGGED, LISTENING, WHEN_SIGNALLED, AFTER_EXIT }

    private final Kind kind;
    private final Pattern pattern;
    private final Endpoint endpoint;
    private final Duration timeout;

    private Ready(Kind kind, Pattern pattern, Endpoint endpoint, Duration timeout) {
        this.kind = kind;
        this.pattern = pattern;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /**
     * Ready once the child has started: a Java child once it has loaded its main class and is about
     * to call {@code main}, any other program once it is running. The default.
     */
    public static Ready onStart() {
        return new Ready(Kind.ON_START, null, null, null);
    }

    /** Ready once the child writes a line in which {@code regex} is found, on stdout or stderr. */
    public static Ready whenLogged(String regex) {
        return new Ready(Kind.WHEN_LOGGED, Pattern.compile(Objects.requireNonNull(regex, "regex")), null, null);
    }

    /**
     * Ready once a socket of the machine listens on {@code endpoint}. The check reads the kernel's
     * table of listening sockets and never connects, so it cannot disturb the server it checks.
     */
    public static Ready listening(Endpoint endpoint) {
        return new Ready(Kind.LISTENING, null, Objects.requireNonNull(endpoint, "endpoint"), null);
    }

    /** Ready once the child calls {@link dev.proctest.child.ProcTest#ready()}. */
    public static Ready whenSignalled() {
        return new Ready(Kind.WHEN_SIGNALLED, null, null, null);
    }

    /** Ready once the child has exited, whatever its exit code: for batch programs. */
    public static Ready afterExit() {
        return new Ready(Kind.AFTER_EXIT, null, null, null);
    }

    /** Returns this readiness with its own timeout instead of {@code proctest.ready.timeout}. */
    public Ready within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A readiness timeout must be positive, was " + timeout);
        }
        return new Ready(kind, pattern, endpoint, timeout);
    }

    @API(status = INTERNAL, since = "0.1")
    public Kind kind() {
        return kind;
    }

    @API(status = INTERNAL, since = "0.1")
    public Pattern pattern() {
        return pattern;
    }

    @API(status = INTERNAL, since = "0.1")
    public Endpoint endpoint() {
        return endpoint;
    }

    @API(status = INTERNAL, since = "0.1")
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** Describes what this readiness waits for, as failure messages say it. */
    @Override
    public String toString() {
        return switch (kind) {
            case ON_START -> "the start of the child";
            case WHEN_LOGGED -> "a line matching /" + pattern.pattern() + "/";
            case LISTENING -> "a socket listening on " + endpoint.address();
            case WHEN_SIGNALLED -> "ProcTest.ready() in the child";
            case AFTER_EXIT -> "the exit of the child";
        };
    }
}

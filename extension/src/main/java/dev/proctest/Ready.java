package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.ReadyCondition;
import java.time.Duration;
import java.util.Objects;
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

    private final ReadyCondition condition;

    private Ready(ReadyCondition condition) {
        this.condition = condition;
    }

    private static Ready of(ReadyCondition.Kind kind, Pattern pattern, Endpoint endpoint) {
        return new Ready(new ReadyCondition(kind, pattern, endpoint, null));
    }

    /**
     * Ready once the child has started: a Java child once it has loaded its main class and is about
     * to call {@code main}, any other program once it is running. The default.
     */
    public static Ready onStart() {
        return of(ReadyCondition.Kind.ON_START, null, null);
    }

    /**
     * Ready once the child logs a record whose message {@code regex} is found in: a line it writes
     * on stdout or stderr, or an event of its logging framework.
     */
    public static Ready whenLogged(String regex) {
        return of(ReadyCondition.Kind.WHEN_LOGGED, Pattern.compile(Objects.requireNonNull(regex, "regex")), null);
    }

    /**
     * Ready once a socket of the machine listens on {@code endpoint}. The check reads the kernel's
     * table of listening sockets and never connects, so it cannot disturb the server it checks.
     */
    public static Ready listening(Endpoint endpoint) {
        return of(ReadyCondition.Kind.LISTENING, null, Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Ready once the child calls {@link dev.proctest.child.ProcTest#ready()}. */
    public static Ready whenSignalled() {
        return of(ReadyCondition.Kind.WHEN_SIGNALLED, null, null);
    }

    /** Ready once the child has exited, whatever its exit code: for batch programs. */
    public static Ready afterExit() {
        return of(ReadyCondition.Kind.AFTER_EXIT, null, null);
    }

    /** Returns this readiness with its own timeout instead of {@code proctest.ready.timeout}. */
    public Ready within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A readiness timeout must be positive, was " + timeout);
        }
        return new Ready(new ReadyCondition(condition.kind(), condition.pattern(), condition.endpoint(), timeout));
    }

    ReadyCondition condition() {
        return condition;
    }

    /** Describes what this readiness waits for, as failure messages say it. */
    @Override
    public String toString() {
        return condition.describe();
    }
}

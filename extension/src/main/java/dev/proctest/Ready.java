package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.ReadyCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        return new Ready(new ReadyCondition(kind, pattern, endpoint, null, List.of()));
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

    /**
     * Ready once every one of {@code readies} is: listening on the client port <em>and</em> a log
     * line that says the data is loaded, say. The combination has one deadline: its own {@link
     * #within}, else {@code proctest.ready.timeout}.
     *
     * @throws IllegalArgumentException for no readiness, or one with a timeout of its own
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public static Ready all(Ready... readies) {
        return combined(ReadyCondition.Kind.ALL, "all", readies);
    }

    /**
     * Ready once any one of {@code readies} is. The combination has one deadline: its own {@link
     * #within}, else {@code proctest.ready.timeout}.
     *
     * @throws IllegalArgumentException for no readiness, or one with a timeout of its own
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public static Ready any(Ready... readies) {
        return combined(ReadyCondition.Kind.ANY, "any", readies);
    }

    private static Ready combined(ReadyCondition.Kind kind, String name, Ready... readies) {
        Objects.requireNonNull(readies, "readies");
        if (readies.length == 0) {
            throw new IllegalArgumentException("Ready." + name + "(...) needs at least one readiness");
        }
        List<ReadyCondition> parts = new ArrayList<>();
        for (Ready ready : readies) {
            ReadyCondition part = Objects.requireNonNull(ready, "a readiness").condition;
            if (part.timeout() != null) {
                throw new IllegalArgumentException("Ready." + name + "(...) has one deadline, its own: give within(...) to the"
                        + " combination, not to " + part.describe());
            }
            parts.add(part);
        }
        return new Ready(new ReadyCondition(kind, null, null, null, parts));
    }

    /** Returns this readiness with its own timeout instead of {@code proctest.ready.timeout}. */
    public Ready within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A readiness timeout must be positive, was " + timeout);
        }
        return new Ready(condition.within(timeout));
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

package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a {@code Ready} waits for.
 *
 * @param pattern the line to wait for, of {@link Kind#WHEN_LOGGED}, else null
 * @param endpoint the endpoint to wait for a listener on, of {@link Kind#LISTENING}, else null
 * @param timeout its own timeout, or null for {@code proctest.ready.timeout}
 */
@API(status = INTERNAL, since = "0.1")
public record ReadyCondition(Kind kind, Pattern pattern, Endpoint endpoint, Duration timeout) {

    /** What a readiness waits for. */
    public enum Kind { ON_START, WHEN_LOGGED, LISTENING, WHEN_SIGNALLED, AFTER_EXIT }

    public Optional<Duration> ownTimeout() {
        return Optional.ofNullable(timeout);
    }

    /** Describes what it waits for, as failure messages say it. */
    public String describe() {
        return switch (kind) {
            case ON_START -> "the start of the child";
            case WHEN_LOGGED -> "a line matching /" + pattern.pattern() + "/";
            case LISTENING -> "a socket listening on " + endpoint.address();
            case WHEN_SIGNALLED -> "ProcTest.ready() in the child";
            case AFTER_EXIT -> "the exit of the child";
        };
    }
}

package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a {@code Ready} waits for.
 *
 * @param pattern the line to wait for, of {@link Kind#WHEN_LOGGED}, else null
 * @param endpoint the endpoint to wait for a listener on, of {@link Kind#LISTENING}, else null
 * @param timeout its own timeout, or null for {@code proctest.ready.timeout}
 * @param parts the conditions of {@link Kind#ALL} and {@link Kind#ANY}, else empty
 */
@API(status = INTERNAL, since = "0.1")
public record ReadyCondition(Kind kind, Pattern pattern, Endpoint endpoint, Duration timeout, List<ReadyCondition> parts) {

    /** What a readiness waits for. */
    public enum Kind { ON_START, WHEN_LOGGED, LISTENING, WHEN_SIGNALLED, AFTER_EXIT, ALL, ANY }

    public ReadyCondition {
        parts = List.copyOf(parts);
    }

    /** The same condition with its own timeout. */
    public ReadyCondition within(Duration ownTimeout) {
        return new ReadyCondition(kind, pattern, endpoint, ownTimeout, parts);
    }

    /** Whether it, or a part of it, is of {@code wanted} kind. */
    public boolean involves(Kind wanted) {
        return kind == wanted || parts.stream().anyMatch(part -> part.involves(wanted));
    }

    /** The patterns of the lines it, or a part of it, waits for. */
    public List<Pattern> patterns() {
        List<Pattern> patterns = new ArrayList<>();
        if (pattern != null) {
            patterns.add(pattern);
        }
        parts.forEach(part -> patterns.addAll(part.patterns()));
        return patterns;
    }

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
            case ALL -> parts.stream().map(ReadyCondition::describe).collect(Collectors.joining(" and ", "all of: ", ""));
            case ANY -> parts.stream().map(ReadyCondition::describe).collect(Collectors.joining(" or ", "any of: ", ""));
        };
    }
}

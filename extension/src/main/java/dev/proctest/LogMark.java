package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A point in a test's logs, made by {@link Logs#mark()}: {@link Logs#since} narrows a view to the
 * records after it. A mark belongs to the test (or class) whose logs made it.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class LogMark {

    private final Object scope;
    private final String scopeName;
    private final Map<String, Long> sequences;
    private final Instant madeAt;

    LogMark(Object scope, String scopeName, Map<String, Long> sequences, Instant madeAt) {
        this.scope = scope;
        this.scopeName = scopeName;
        this.sequences = Map.copyOf(sequences);
        this.madeAt = madeAt;
    }

    Object scope() {
        return scope;
    }

    String scopeName() {
        return scopeName;
    }

    /** The number of the last record of each child when the mark was made, by child name. */
    Map<String, Long> sequences() {
        return sequences;
    }

    /** {@code LogMark[12:00:01.123, pong after record 42, ping after record 7]}. */
    @Override
    public String toString() {
        return "LogMark[" + TimeOfDay.format(madeAt) + (sequences.isEmpty() ? "" : sequences.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " after record " + entry.getValue()).collect(Collectors.joining(", ", ", ", ""))) + "]";
    }
}

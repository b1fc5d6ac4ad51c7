package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * What children logged: their {@code java.util.logging}, Logback and Log4j 2 events and every line
 * they wrote to stdout and stderr, as {@link LogRecord}s in the order each child logged them.
 * Declare a parameter of this type for the logs of every child of the test (and of its class), or
 * ask one child with {@link ChildProcess#logs()}:
 *
 * <pre>{@code
 * logs.from("pong").await("listening on \\d+");
 * assertThat(logs.atLeast(Level.WARN).records()).isEmpty();
 * }</pre>
 *
 * <p>Views are immutable: {@link #from}, {@link #atLeast}, {@link #within} and {@link #since}
 * return new ones. They are safe to use from several threads.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface Logs {

    /**
     * Returns the first record whose message contains a match of {@code regex}, waiting for it up
     * to {@code proctest.await.timeout} (10 s) or {@link #within}; a record logged before the call
     * counts.
     *
     * @throws ChildProcessException if none comes in time; the message says what was awaited and
     *     shows the last lines that came
     */
    LogRecord await(String regex);

    /** Like {@link #await(String)}, for the first record that {@code condition} accepts. */
    LogRecord await(Predicate<LogRecord> condition);

    /** Returns this view with its own timeout for {@code await}. */
    Logs within(Duration timeout);

    /** Returns this view narrowed to the child of this name. */
    Logs from(String childName);

    /** Returns this view narrowed to records of {@code level} or more severe. */
    Logs atLeast(Level level);

    /** Returns the records so far, each child's in order, the children's interleaved by time. */
    List<LogRecord> records();

    /** Returns the {@linkplain LogRecord#line() lines} of the records so far. */
    List<String> lines();

    /**
     * Marks where the logs in view are now, for {@link #since}: after killing a cluster's leader,
     * {@code logs.since(mark).await("elected")} waits for the next election instead of finding the
     * first. A record counts as after the mark if it reached the test after the mark was made.
     *
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    LogMark mark();

    /**
     * Returns this view narrowed to the records after {@code mark}: of each child in view, those it
     * logged after the mark, and every record of a child started since.
     *
     * @throws IllegalArgumentException for a mark made in another test's logs; a mark made in the
     *     logs of the test's class, or of one child, is accepted
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    Logs since(LogMark mark);
}

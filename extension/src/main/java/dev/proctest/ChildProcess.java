package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A child process that {@link Processes#spawn} started and found ready. It is stopped at the end of
 * the scope that started it (the test, or the class for {@code @BeforeAll}), and never outlives the
 * test JVM.
 *
 * <p>Implemented by the engine; not intended to be implemented by users.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface ChildProcess {

    /** Returns the child's name, unique within its test. */
    String name();

    /** Returns the child's process id. */
    long pid();

    boolean isAlive();

    /** Returns the exit code once the child has exited; a child ended by a signal has 128 + its number. */
    OptionalInt exitCode();

    /**
     * Waits for the child to exit and returns its exit code; the exit then does not fail the test.
     *
     * @throws ChildProcessException if the child is still running after {@code timeout}
     */
    int awaitExit(Duration timeout);

    /** Stops the child as its spec says ({@link Stop}), with its descendants; returns once all have exited. */
    void stop();

    /** Kills the child and its descendants at once; returns once all have exited. */
    void kill();

    /** Returns what this child logged: see {@link Logs}. */
    Logs logs();

    /**
     * Returns the child's log file, {@code <proctest.reports.dir>/<class>/<test>/<child>.log}: every
     * record, in the order the child logged it, and proctest's own lines about the child.
     *
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    Path logFile();

    /**
     * Returns the value the child published under {@code key} with {@link
     * dev.proctest.child.ProcTest#publish}, waiting for it up to {@code proctest.await.timeout}.
     *
     * @throws ChildProcessException if the child did not publish the key in time
     */
    Object published(String key);

    /** Like {@link #published(String)}, checking that the value is a {@code type}. */
    <T> T published(String key, Class<T> type);

    /**
     * Runs {@code callable} inside the child JVM and returns what it returned, waiting up to {@code
     * proctest.await.timeout} (10 s by default): to read the child's state, or to act inside it.
     * Records the child logged while it ran are in its logs when this returns.
     *
     * <p>An unchecked exception or error the lambda threw is rethrown as it is, with the child's
     * stack trace; a checked one comes as the cause of a {@link ChildProcessException}.
     *
     * @throws ChildProcessException if the child is not a Java child, is not connected, exits or
     *     does not return in time, or if the lambda, its value or its exception does not serialize
     */
    <T> T run(RemoteCallable<T> callable);

    /** Like {@link #run(RemoteCallable)}, waiting up to {@code timeout}. */
    <T> T run(RemoteCallable<T> callable, Duration timeout);

    /** Returns the calls this child made on the types its spec mocks or spies on. */
    CallRecorder calls();

    /**
     * Returns a clock that reads the child's current time, in the child's default time zone: real
     * time, or for a child with a {@link JavaChild#timeFactor time factor} or {@link
     * JavaChild#startTime start time} the time its system under test sees, computed in the test
     * JVM (usually within microseconds of real time, times the factor; the child counts from {@code
     * System.nanoTime}, the test from the wall clock, which an adjusted clock may drift from by a
     * few parts in 10,000). Compare it with the times of the child's {@link RecordedCall calls} and
     * {@link LogRecord log records}.
     *
     * @throws IllegalStateException if the child's time is not real and its {@code main} has not
     *     started yet: its time starts then
     */
    Clock clock();
}

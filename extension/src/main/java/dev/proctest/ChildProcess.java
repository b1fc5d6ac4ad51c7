package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A child process that {@link Processes#spawn} started and found ready, or {@link Processes#start}
 * started. It is stopped at the end of the scope that started it (the test, or the class for
 * {@code @BeforeAll}), and never outlives the test JVM.
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

    /**
     * Waits until the child is {@linkplain ChildSpec#readyWhen ready}, for a child {@linkplain
     * Processes#start started} without waiting; returns at once for a child already ready, such as
     * one that {@code spawn} returned.
     *
     * @return this child
     * @throws ChildProcessException if it exits first or is not ready within its readiness's
     *     timeout; the message shows its output so far, and the child has been stopped
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    ChildProcess awaitReady();

    /** Like {@link #awaitReady()}, waiting up to {@code timeout} instead of the readiness's own timeout. */
    @API(status = EXPERIMENTAL, since = "0.2")
    ChildProcess awaitReady(Duration timeout);

    /**
     * Stops the child as its spec says ({@link Stop}), with its descendants, and returns once all
     * have exited and its last records are in its log: within the stop's timeout ({@code
     * proctest.stop.timeout}, 5 s) and then a kill.
     */
    void stop();

    /**
     * Sends {@code SIGKILL} to the child and its descendants and returns at once, without waiting
     * for them to be gone (milliseconds): a test can act within a cluster's failover window. {@link
     * #isAlive()} is true until the operating system has reaped the child; {@link #awaitExit} and the
     * end of the scope wait for its last records. No coverage is asked of a killed child: it keeps
     * what its last periodic write saved.
     */
    void kill();

    /**
     * Freezes the child and its descendants with {@code SIGSTOP}, as a long garbage collection or a
     * stalled machine would; {@link #resume()} lets them run on. A paused child is resumed before it
     * is stopped, and does not end itself for having missed the test JVM's heartbeats meanwhile.
     *
     * @throws IllegalStateException for a child that has exited
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    void pause();

    /**
     * Lets a {@linkplain #pause() paused} child and its descendants run on with {@code SIGCONT}; does
     * nothing for a child that is not paused.
     *
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    void resume();

    /** Returns whether the child is {@linkplain #pause() paused}. @since 0.2 */
    @API(status = EXPERIMENTAL, since = "0.2")
    boolean isPaused();

    /**
     * Stops the child as its spec says, starts the same spec again under the same name, waits until
     * it is ready and returns it: a new {@code ChildProcess}, with a new pid. This one stays the
     * ended incarnation, with its exit code, published values and calls. The log goes on in the
     * same file, its records numbered on, after a line that marks the restart.
     *
     * @throws ChildProcessException if it cannot start again or is not ready in time
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    ChildProcess restart();

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
     * JavaChild#startTime start time} or a {@link JavaChild#clockOffset clock offset} the time its
     * system under test sees, {@linkplain #shiftClock shifts} included, computed in the test
     * JVM (usually within microseconds of real time, times the factor; the child counts from {@code
     * System.nanoTime}, the test from the wall clock, which an adjusted clock may drift from by a
     * few parts in 10,000). Compare it with the times of the child's {@link RecordedCall calls} and
     * {@link LogRecord log records}.
     *
     * @throws IllegalStateException if the child's time is not real and its {@code main} has not
     *     started yet: its time starts then
     */
    Clock clock();

    /**
     * Jumps the child's wall clock by {@code shift}, forward (positive) or back (negative), while it
     * runs, as when a machine's clock is set: {@code System.currentTimeMillis}, {@code Instant.now},
     * the {@code now()} of {@code java.time}, {@code new Date()} and the {@code Clock.system} clocks
     * of its system under test read the shifted time from then on, and so do its log records,
     * its recorded calls and {@link #clock()}. {@code System.nanoTime} does not jump: it stays
     * monotonic, and so do sleeps, timeouts and scheduled delays, which count on it. Shifts add up;
     * at a {@link JavaChild#timeFactor time factor} the shifted clock runs on at the factor.
     *
     * <p>Returns once the child has shifted its clock. A shift before the child's {@code main}
     * starts holds from its start; a shift of a child that has not connected yet waits for it, up
     * to {@code proctest.await.timeout}. A deadline the system under test gave as a wall time
     * ({@code LockSupport.parkUntil}, {@code Condition.awaitUntil(Date)}) is measured against the
     * shifted clock when the wait starts; a wait under way when the clock jumps keeps its length. A
     * {@link #restart() restarted} child starts again at its spec's {@link JavaChild#clockOffset
     * offset}: shifts made to its earlier run do not carry over.
     *
     * @param shift how far to move the wall clock
     * @throws NullPointerException if {@code shift} is null
     * @throws IllegalStateException if the child is not a {@link JavaChild} whose spec asked for a
     *     shiftable clock with {@link JavaChild#clockOffset}, has exited or is {@linkplain #pause()
     *     paused}
     * @throws IllegalArgumentException if the shifted clock would leave about 292 years of 1970
     * @throws ChildProcessException if the child does not connect, or does not shift its clock, in
     *     time
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    void shiftClock(Duration shift);

    /**
     * Moves the {@linkplain JavaChild#virtualTime() virtual clock} of the child forward by {@code
     * duration}, as if that much time had passed while its threads waited: the clock steps from
     * deadline to deadline within it, in their order, and wakes each waiter at its own deadline's
     * reading; it steps on only once the threads it woke have run and the child is quiet again, so
     * that a deadline they set within {@code duration} is reached too. A loop that sleeps 1 s,
     * advanced by 5 s, has run 5 times, reading 1 s to 5 s; the clock then reads 5 s past where it
     * was, even if no deadline was there.
     *
     * <p>Returns once the clock has moved and the child is quiet again. The grace for threads in I/O
     * does not apply to the steps of an advance: the test has said when. The clock goes on jumping
     * by itself as {@code virtualTime()} says, so it may read later than that when this returns,
     * unless the child's system property {@link Constants#TIME_VIRTUAL_STEPPED} is {@code true}:
     * then only advances move it. Advances from several threads take turns.
     *
     * @param duration how far to move the clock, above 0
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is zero or negative
     * @throws IllegalStateException if the child is not a {@link JavaChild} with {@link
     *     JavaChild#virtualTime()}, or has exited, or is {@linkplain #pause() paused}
     * @throws ChildProcessException if the clock does not get there within {@code
     *     proctest.await.timeout} (real time), as when a thread of the system under test never
     *     waits: the message says which
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    void advanceClock(Duration duration);
}

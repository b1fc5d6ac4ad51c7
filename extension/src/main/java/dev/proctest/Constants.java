package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The configuration keys of proctest.
 *
 * <p>Each key can be set in {@code src/test/resources/junit-platform.properties}, as a system
 * property of the test JVM, or as a configuration parameter of the launcher (for example Maven
 * Surefire's {@code <configurationParameters>}). All keys start with {@code proctest.}. A key's
 * {@code @API} says since when it exists.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Constants {

    /**
     * Whether the proctest engine runs tests concurrently: {@code true} or {@code false}; default
     * {@value #PARALLEL_ENABLED_DEFAULT}.
     */
    public static final String PARALLEL_ENABLED = "proctest.parallel.enabled";
    /** The default of {@link #PARALLEL_ENABLED}. */
    public static final String PARALLEL_ENABLED_DEFAULT = "false";

    /**
     * The prefix of the keys that size the parallel executor, with the same suffixes and meaning
     * as JUnit Jupiter's {@code junit.jupiter.execution.parallel.config.*}: {@value
     * #PARALLEL_CONFIG_PREFIX}{@code strategy} ({@code dynamic} by default, or {@code fixed}),
     * {@value #PARALLEL_CONFIG_PREFIX}{@code dynamic.factor} (default {@code 1}: one thread per
     * core), {@value #PARALLEL_CONFIG_PREFIX}{@code fixed.parallelism}, ...
     */
    public static final String PARALLEL_CONFIG_PREFIX = "proctest.parallel.config.";

    /** The strategy that sizes the parallel executor: {@code dynamic} or {@code fixed}; default {@value #PARALLEL_CONFIG_STRATEGY_DEFAULT}. */
    public static final String PARALLEL_CONFIG_STRATEGY = PARALLEL_CONFIG_PREFIX + "strategy";
    /** The default of {@link #PARALLEL_CONFIG_STRATEGY}. */
    public static final String PARALLEL_CONFIG_STRATEGY_DEFAULT = "dynamic";

    /**
     * How long {@code Processes.spawn} waits for a child to be ready, unless its {@code Ready} says
     * otherwise; default {@value #READY_TIMEOUT_DEFAULT}. Durations are written {@code 500ms},
     * {@code 10s}, {@code 2m} or in ISO-8601 ({@code PT10S}).
     */
    public static final String READY_TIMEOUT = "proctest.ready.timeout";
    /** The default of {@link #READY_TIMEOUT}. */
    public static final String READY_TIMEOUT_DEFAULT = "10s";

    /**
     * How long a stopped child may take to exit after its stop signal before it is killed, unless
     * its {@code Stop} says otherwise; default {@value #STOP_TIMEOUT_DEFAULT}.
     */
    public static final String STOP_TIMEOUT = "proctest.stop.timeout";
    /** The default of {@link #STOP_TIMEOUT}. */
    public static final String STOP_TIMEOUT_DEFAULT = "5s";

    /** How long {@code Processes.run} waits for a program to exit; default {@value #RUN_TIMEOUT_DEFAULT}. */
    public static final String RUN_TIMEOUT = "proctest.run.timeout";
    /** The default of {@link #RUN_TIMEOUT}. */
    public static final String RUN_TIMEOUT_DEFAULT = "60s";

    /**
     * How long a test waits for something a child sends, such as a {@code published} value;
     * default {@value #AWAIT_TIMEOUT_DEFAULT}.
     */
    public static final String AWAIT_TIMEOUT = "proctest.await.timeout";
    /** The default of {@link #AWAIT_TIMEOUT}. */
    public static final String AWAIT_TIMEOUT_DEFAULT = "10s";

    /**
     * How long a barrier or a mailbox's take waits, unless the call gives a timeout; default {@value
     * #COORDINATION_TIMEOUT_DEFAULT}. Real time, also for a child whose time runs faster.
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String COORDINATION_TIMEOUT = "proctest.coordination.timeout";
    /** The default of {@link #COORDINATION_TIMEOUT}. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String COORDINATION_TIMEOUT_DEFAULT = "30s";

    /**
     * The JDK of child JVMs: its home directory or its {@code java} executable, relative to the
     * test JVM's working directory; default: the test JVM's. A spec's {@code JavaChild.java}
     * overrides it. It must be Java 17 or newer.
     */
    public static final String CHILD_JAVA = "proctest.child.java";

    /**
     * Options of every child JVM's {@code java} command, separated by spaces, before the spec's
     * own {@code jvmArgs}; default none.
     */
    public static final String CHILD_JVM_ARGS = "proctest.child.jvmArgs";

    /**
     * How long a child JVM goes on without hearing from the test JVM before it ends itself;
     * default {@value #CHILD_HEARTBEAT_TIMEOUT_DEFAULT}. A child that ends waits for the test JVM to read
     * its last records as long as it keeps reading, and gives up once it has read nothing for this
     * long. The child also ends at once when its parent process is gone.
     */
    public static final String CHILD_HEARTBEAT_TIMEOUT = "proctest.child.heartbeat.timeout";
    /** The default of {@link #CHILD_HEARTBEAT_TIMEOUT}. */
    public static final String CHILD_HEARTBEAT_TIMEOUT_DEFAULT = "10s";

    /**
     * Where children's logs and command lines are written, as {@code <dir>/<class>/<test>/<child>.log};
     * relative to the test JVM's working directory. Default {@value #REPORTS_DIR_DEFAULT}.
     */
    public static final String REPORTS_DIR = "proctest.reports.dir";
    /** The default of {@link #REPORTS_DIR}. */
    public static final String REPORTS_DIR_DEFAULT = "target/proctest";

    /** How many of a child's last output lines a failure message shows; default {@value #REPORT_TAIL_DEFAULT}. */
    public static final String REPORT_TAIL = "proctest.report.tail";
    /** The default of {@link #REPORT_TAIL}. */
    public static final String REPORT_TAIL_DEFAULT = "40";

    /**
     * How many of each child's newest log records a test can read and await; older ones are still
     * in the child's log file. Default {@value #LOGS_RETAINED_DEFAULT}.
     */
    public static final String LOGS_RETAINED = "proctest.logs.retained";
    /** The default of {@link #LOGS_RETAINED}. */
    public static final String LOGS_RETAINED_DEFAULT = "100000";

    /**
     * How long each send and receive of a {@code TestSocket} or {@code LineClient} may take, unless
     * the socket's {@code timeout} says otherwise; default {@value #SOCKET_TIMEOUT_DEFAULT}.
     */
    public static final String SOCKET_TIMEOUT = "proctest.socket.timeout";
    /** The default of {@link #SOCKET_TIMEOUT}. */
    public static final String SOCKET_TIMEOUT_DEFAULT = "1s";

    /**
     * How many of a test's newest transcript entries (one per message its test sockets and line
     * clients sent or received) are kept for its report; older ones are counted, not kept. Default
     * {@value #TRANSCRIPT_RETAINED_DEFAULT}.
     */
    public static final String TRANSCRIPT_RETAINED = "proctest.transcript.retained";
    /** The default of {@link #TRANSCRIPT_RETAINED}. */
    public static final String TRANSCRIPT_RETAINED_DEFAULT = "10000";

    /**
     * Whether {@code Golden.assertMatches} writes the actual output into the golden file instead of
     * comparing: {@code true} or {@code false}; default {@value #GOLDEN_UPDATE_DEFAULT}. Read from a
     * system property or {@code junit-platform.properties}.
     */
    public static final String GOLDEN_UPDATE = "proctest.golden.update";
    /** The default of {@link #GOLDEN_UPDATE}. */
    public static final String GOLDEN_UPDATE_DEFAULT = "false";

    /**
     * Where golden files are, relative to the test JVM's working directory (a Maven module's
     * directory); default {@value #GOLDEN_DIR_DEFAULT}. Read like {@link #GOLDEN_UPDATE}.
     */
    public static final String GOLDEN_DIR = "proctest.golden.dir";
    /** The default of {@link #GOLDEN_DIR}. */
    public static final String GOLDEN_DIR_DEFAULT = "src/test/resources/golden";

    /**
     * Whether the coverage of child JVMs is collected: {@code auto} (when the test JVM runs with
     * the JaCoCo agent, as {@code jacoco-maven-plugin:prepare-agent} sets it up), {@code on} (also
     * without, with {@link #COVERAGE_AGENT}) or {@code off}; default {@value #COVERAGE_DEFAULT}.
     */
    public static final String COVERAGE = "proctest.coverage";
    /** The default of {@link #COVERAGE}. */
    public static final String COVERAGE_DEFAULT = "auto";

    /**
     * The JaCoCo agent jar ({@code org.jacoco.agent-<version>-runtime.jar}) that children get when
     * {@link #COVERAGE} is {@code on} and the test JVM runs without the agent.
     */
    public static final String COVERAGE_AGENT = "proctest.coverage.agent";

    /**
     * Where the children's merged coverage goes when the test JVM runs without the agent; default
     * {@value #COVERAGE_DESTFILE_DEFAULT}, where {@code jacoco:report} reads it. With the agent, it
     * goes to the agent's own {@code destfile}.
     */
    public static final String COVERAGE_DESTFILE = "proctest.coverage.destfile";
    /** The default of {@link #COVERAGE_DESTFILE}. */
    public static final String COVERAGE_DESTFILE_DEFAULT = "target/jacoco.exec";

    /**
     * The classes instrumented in children, as the agent's {@code includes} option: JaCoCo
     * wildcards separated by {@code :}; by default the test JVM agent's (all classes).
     */
    public static final String COVERAGE_INCLUDES = "proctest.coverage.includes";

    /**
     * The classes not instrumented in children, as the agent's {@code excludes} option; by default
     * the test JVM agent's, and proctest's own runtime, JeroMQ, Mockito and Byte Buddy, which
     * would cost every child about 200 ms more.
     */
    public static final String COVERAGE_EXCLUDES = "proctest.coverage.excludes";

    /**
     * How often a child writes its coverage, so that one killed from outside loses at most this
     * much of it; default {@value #COVERAGE_INTERVAL_DEFAULT}. Children that exit, are stopped or
     * are killed by proctest lose nothing.
     */
    public static final String COVERAGE_INTERVAL = "proctest.coverage.interval";
    /** The default of {@link #COVERAGE_INTERVAL}. */
    public static final String COVERAGE_INTERVAL_DEFAULT = "1s";

    /**
     * How many Java child JVMs are kept started and connected ahead of need, waiting for the child
     * they will serve; 0 turns the pool off. A spawn whose JVM would start the same way (the same
     * Java, class path, JVM options, agents, environment and working directory) takes one of them
     * and skips the JVM's start-up; any other starts cold. Each JVM serves one child only. Default
     * {@value #POOL_SIZE_DEFAULT}.
     */
    public static final String POOL_SIZE = "proctest.pool.size";
    /** The default of {@link #POOL_SIZE}. */
    public static final String POOL_SIZE_DEFAULT = "2";

    /**
     * How many JVMs of the pool may start at once, each taking about a core while it boots; {@code
     * auto} (the default) is half the machine's cores, at least one.
     */
    public static final String POOL_STARTS = "proctest.pool.starts";
    /** The default of {@link #POOL_STARTS}. */
    public static final String POOL_STARTS_DEFAULT = "auto";

    /**
     * Whether Java children map a class data archive of proctest's and JeroMQ's classes instead of loading them: {@code on} (the
     * default) or {@code off}. It is built once per JDK, in the background, under {@link #CDS_DIR}; until it is ready, or if the
     * JDK cannot use it, children start without it. Not for a spec that chooses what its JVM shares itself ({@code -Xshare},
     * {@code -XX:SharedArchiveFile}, {@code -XX:AOT...}).
     */
    public static final String CDS = "proctest.cds";
    /** The default of {@link #CDS}. */
    public static final String CDS_DEFAULT = "on";

    /**
     * Where the class data archives are kept, relative to the test JVM's working directory; default {@value #CDS_DIR_DEFAULT},
     * which the runs of a module share.
     */
    public static final String CDS_DIR = "proctest.cds.dir";
    /** The default of {@link #CDS_DIR}. */
    public static final String CDS_DIR_DEFAULT = "target/proctest-cds";

    /**
     * Whether an exception that no code catches on a Java child's thread while the test runs fails the test: {@code true} or
     * {@code false}; default {@value #FAIL_UNCAUGHT_DEFAULT}. A spec lets some through with {@code JavaChild.allowUncaught}.
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public static final String FAIL_UNCAUGHT = "proctest.fail.uncaught";
    /** The default of {@link #FAIL_UNCAUGHT}. */
    @API(status = EXPERIMENTAL, since = "0.3")
    public static final String FAIL_UNCAUGHT_DEFAULT = "true";

    /**
     * The level at or above which a record a child logs fails the test, for children whose spec says no {@code failOnLogged}:
     * {@code NONE}, {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}; default {@value
     * #FAIL_LOGGED_DEFAULT}, which fails on none.
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public static final String FAIL_LOGGED = "proctest.fail.logged";
    /** The default of {@link #FAIL_LOGGED}. */
    @API(status = EXPERIMENTAL, since = "0.3")
    public static final String FAIL_LOGGED_DEFAULT = "NONE";

    /** Which shard of every engine's tests this run keeps: {@code i/n} (shard i of n) or {@code ci} (the CI's variables); unset, all. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String SHARD = "proctest.shard";

    /**
     * How many times every selected test runs, each repetition shown as {@code repetition 2 of 50} and stopping at the first
     * failure, whose report is the test's: for hunting a flaky test from the command line ({@code -Dproctest.repeat=50}); a whole
     * number of at least 1, default {@value #REPEAT_DEFAULT}. It overrides the count of a {@link Repeated} test.
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String REPEAT = "proctest.repeat";
    /** The default of {@link #REPEAT}. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String REPEAT_DEFAULT = "1";

    /**
     * The seed of {@code @TestMethodOrder(MethodOrderer.Random.class)} on proctest classes, as Jupiter's {@code
     * junit.jupiter.execution.order.random.seed} is for Jupiter's: a {@code long}; unset, a seed chosen once per JVM and logged.
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String ORDER_RANDOM_SEED = "proctest.execution.order.random.seed";

    /** How long a {@code virtualTime()} child stays quiet, while a thread of it is in I/O, before its clock jumps (real time). */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String TIME_VIRTUAL_GRACE = "proctest.time.virtual.grace";
    /** The default of {@link #TIME_VIRTUAL_GRACE}; see {@code docs/time.md}. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String TIME_VIRTUAL_GRACE_DEFAULT = "5ms";
    /** A system property of a {@code virtualTime()} child: {@code true}, its clock moves only with {@code child.advanceClock}. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static final String TIME_VIRTUAL_STEPPED = "proctest.time.virtual.stepped";

    private Constants() {}
}

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The environment variables through which the test JVM tells a child where the hub is, and the
 * system properties that name a child. The token travels in the environment, not on the command
 * line, where other users of the machine could read it.
 */
@API(status = INTERNAL, since = "0.1")
public final class Environment {

    /** The hub's address: {@code tcp://127.0.0.1:<port>}. */
    public static final String HUB = "PROCTEST_HUB";

    /** The run's secret; the hub admits only children that present it. */
    public static final String TOKEN = "PROCTEST_TOKEN";

    /** The id the hub gave this child; also its socket identity. */
    public static final String CHILD_ID = "PROCTEST_CHILD_ID";

    /** The pid of the test JVM; the child ends when that process is gone. */
    public static final String PARENT_PID = "PROCTEST_PARENT_PID";

    /**
     * How often a child with the JaCoCo agent writes its coverage, as a {@code java.time.Duration}
     * string; set only for children whose coverage is collected.
     */
    public static final String COVERAGE_INTERVAL = "PROCTEST_COVERAGE_INTERVAL";

    /**
     * Set for a JVM started ahead of need, in the pool, to the heartbeat timeout as a {@code
     * java.time.Duration} string: it waits for its plan as long as it hears from the hub, and ends
     * if the hub falls silent for that long.
     */
    public static final String POOLED = "PROCTEST_POOLED";

    /**
     * What else a JVM of the pool may load while it waits, beside the runtime: {@code logging}
     * (the logging frameworks on its class path) when no agent weaves classes as they load,
     * {@code weaving} (Byte Buddy, which weaves only the types a plan names) when one does.
     */
    public static final String PRELOAD = "PROCTEST_PRELOAD";

    /** The system property that names a JVM of the pool on its command line: {@code ps} shows it. */
    public static final String POOLED_PROPERTY = "proctest.pooled";

    /**
     * The system property that names a child: on its command line, where {@code ps} shows it, or
     * for a pooled JVM set when its plan arrives.
     */
    public static final String CHILD_PROPERTY = "proctest.child";

    /** The system property that names a child's main class, as {@link #CHILD_PROPERTY} does its name. */
    public static final String MAIN_PROPERTY = "proctest.main";

    private Environment() {}
}

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The environment variables through which the test JVM tells a child where the hub is. The token
 * travels here, not on the command line, where other users of the machine could read it.
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

    private Environment() {}
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The configuration keys of proctest.
 *
 * <p>Each key can be set in {@code src/test/resources/junit-platform.properties}, as a system
 * property of the test JVM, or as a configuration parameter of the launcher (for example Maven
 * Surefire's {@code <configurationParameters>}). All keys start with {@code proctest.}.
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

    /**
     * The strategy that sizes the parallel executor: {@code dynamic} or {@code fixed}; default
     * {@value #PARALLEL_CONFIG_STRATEGY_DEFAULT}.
     */
    public static final String PARALLEL_CONFIG_STRATEGY = PARALLEL_CONFIG_PREFIX + "strategy";

    /** The default of {@link #PARALLEL_CONFIG_STRATEGY}. */
    public static final String PARALLEL_CONFIG_STRATEGY_DEFAULT = "dynamic";

    private Constants() {}
}

package dev.proctest.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Constants;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.DefaultParallelExecutionConfigurationStrategy;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/** Reads {@code proctest.parallel.*} and builds the executor that runs tests concurrently. */
@API(status = INTERNAL, since = "0.1")
public final class ParallelExecution {

    private ParallelExecution() {}

    /** Returns a concurrent executor if {@value Constants#PARALLEL_ENABLED} is true, else empty. */
    // JUnit 6.1 deprecates this constructor for a factory that Platform 1.14 lacks; proctest runs on both.
    @SuppressWarnings("deprecation")
    public static Optional<HierarchicalTestExecutorService> executorService(ConfigurationParameters configuration) {
        if (!enabled(configuration)) {
            return Optional.empty();
        }
        ConfigurationParameters parallel = new PrefixedConfigurationParameters(configuration, Constants.PARALLEL_CONFIG_PREFIX);
        return Optional.of(new ForkJoinPoolHierarchicalTestExecutorService(strategy(configuration).createConfiguration(parallel)));
    }

    private static boolean enabled(ConfigurationParameters configuration) {
        String value = configuration.get(Constants.PARALLEL_ENABLED).orElse(Constants.PARALLEL_ENABLED_DEFAULT).strip();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new JUnitException(String.format(
                    "Configuration parameter %s must be true or false, was [%s]", Constants.PARALLEL_ENABLED, value));
        }
        return Boolean.parseBoolean(value);
    }

    private static DefaultParallelExecutionConfigurationStrategy strategy(ConfigurationParameters configuration) {
        String value = configuration.get(Constants.PARALLEL_CONFIG_STRATEGY)
                .orElse(Constants.PARALLEL_CONFIG_STRATEGY_DEFAULT).strip();
        return Arrays.stream(DefaultParallelExecutionConfigurationStrategy.values())
                .filter(strategy -> strategy != DefaultParallelExecutionConfigurationStrategy.CUSTOM)
                .filter(strategy -> strategy.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new JUnitException(String.format(
                        "Configuration parameter %s must be dynamic or fixed, was [%s]",
                        Constants.PARALLEL_CONFIG_STRATEGY, value.toLowerCase(Locale.ROOT))));
    }
}

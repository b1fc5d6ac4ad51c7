package dev.proctest.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Constants;
import dev.proctest.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The {@code proctest.*} settings of one run, read and checked once when the run starts: a value
 * that does not parse fails the run with a message naming the key, rather than a test later.
 */
@API(status = INTERNAL, since = "0.1")
public record Configuration(
        Duration readyTimeout,
        Duration stopTimeout,
        Duration runTimeout,
        Duration awaitTimeout,
        Optional<Path> childJava,
        List<String> childJvmArgs,
        Duration heartbeatTimeout,
        Path reportsDir,
        int reportTail,
        int logsRetained,
        Duration socketTimeout,
        int transcriptRetained,
        CoverageSettings coverage,
        PoolSettings pool,
        ClassDataSettings classData,
        FaultSettings faults,
        Duration coordinationTimeout,
        Duration virtualGrace) {

    public static Configuration from(ConfigurationParameters parameters) {
        Reader reader = new Reader(parameters);
        return new Configuration(
                reader.duration(Constants.READY_TIMEOUT, Constants.READY_TIMEOUT_DEFAULT),
                reader.duration(Constants.STOP_TIMEOUT, Constants.STOP_TIMEOUT_DEFAULT),
                reader.duration(Constants.RUN_TIMEOUT, Constants.RUN_TIMEOUT_DEFAULT),
                reader.duration(Constants.AWAIT_TIMEOUT, Constants.AWAIT_TIMEOUT_DEFAULT),
                parameters.get(Constants.CHILD_JAVA).map(String::strip).filter(java -> !java.isEmpty()).map(Path::of),
                parameters.get(Constants.CHILD_JVM_ARGS).map(String::strip).filter(args -> !args.isEmpty())
                        .map(args -> Arrays.asList(args.split("\\s+"))).orElse(List.of()),
                reader.duration(Constants.CHILD_HEARTBEAT_TIMEOUT, Constants.CHILD_HEARTBEAT_TIMEOUT_DEFAULT),
                Path.of(parameters.get(Constants.REPORTS_DIR).orElse(Constants.REPORTS_DIR_DEFAULT).strip()).toAbsolutePath(),
                reader.count(Constants.REPORT_TAIL, Constants.REPORT_TAIL_DEFAULT),
                reader.count(Constants.LOGS_RETAINED, Constants.LOGS_RETAINED_DEFAULT),
                reader.duration(Constants.SOCKET_TIMEOUT, Constants.SOCKET_TIMEOUT_DEFAULT),
                reader.count(Constants.TRANSCRIPT_RETAINED, Constants.TRANSCRIPT_RETAINED_DEFAULT),
                new CoverageSettings(reader.coverageMode(),
                        parameters.get(Constants.COVERAGE_AGENT).map(String::strip).filter(path -> !path.isEmpty()).map(Path::of),
                        Path.of(parameters.get(Constants.COVERAGE_DESTFILE).orElse(Constants.COVERAGE_DESTFILE_DEFAULT).strip())
                                .toAbsolutePath(),
                        parameters.get(Constants.COVERAGE_INCLUDES).map(String::strip),
                        parameters.get(Constants.COVERAGE_EXCLUDES).map(String::strip),
                        reader.duration(Constants.COVERAGE_INTERVAL, Constants.COVERAGE_INTERVAL_DEFAULT)),
                new PoolSettings(reader.count(Constants.POOL_SIZE, Constants.POOL_SIZE_DEFAULT), reader.starts()),
                new ClassDataSettings(reader.onOff(Constants.CDS, Constants.CDS_DEFAULT),
                        Path.of(parameters.get(Constants.CDS_DIR).orElse(Constants.CDS_DIR_DEFAULT).strip()).toAbsolutePath()),
                new FaultSettings(reader.bool(Constants.FAIL_UNCAUGHT, Constants.FAIL_UNCAUGHT_DEFAULT), reader.failLevel()),
                reader.duration(Constants.COORDINATION_TIMEOUT, Constants.COORDINATION_TIMEOUT_DEFAULT),
                reader.duration(Constants.TIME_VIRTUAL_GRACE, Constants.TIME_VIRTUAL_GRACE_DEFAULT));
    }

    /**
     * Returns {@code proctest.repeat}: how many times each selected test runs, at least 1. Read at
     * discovery, as the tests' tree depends on it: a repeated test holds its repetitions.
     */
    public static int repeat(ConfigurationParameters parameters) {
        int count = new Reader(parameters).count(Constants.REPEAT, Constants.REPEAT_DEFAULT);
        if (count < 1) {
            throw Reader.invalid(Constants.REPEAT, String.valueOf(count), "a whole number, 1 or more");
        }
        return count;
    }

    /**
     * The {@code proctest.pool.*} settings.
     *
     * @param size how many JVMs wait, 0 for none
     * @param starts how many of them may start at once, at least 1
     */
    public record PoolSettings(int size, int starts) {}

    /**
     * The {@code proctest.cds*} settings.
     *
     * @param enabled whether children start with a class data archive
     * @param directory where the archives are kept
     */
    public record ClassDataSettings(boolean enabled, Path directory) {}

    /**
     * The {@code proctest.fail.*} settings.
     *
     * @param uncaught whether an uncaught exception in a child fails the test
     * @param logged the level at or above which a record fails the test, unless its spec says; empty for none
     */
    public record FaultSettings(boolean uncaught, Optional<Level> logged) {}

    /** The {@code proctest.coverage.*} settings. */
    public record CoverageSettings(CoverageMode mode, Optional<Path> agent, Path destfile, Optional<String> includes,
            Optional<String> excludes, Duration interval) {}

    /** When the coverage of children is collected. */
    public enum CoverageMode {
        /** When the test JVM runs with the JaCoCo agent. */
        AUTO,
        /** Always: with the test JVM's agent, or with {@code proctest.coverage.agent}. */
        ON,
        /** Never. */
        OFF
    }

    private record Reader(ConfigurationParameters parameters) {

        Duration duration(String key, String fallback) {
            String value = parameters.get(key).orElse(fallback);
            return Durations.parse(value).filter(duration -> !duration.isNegative() && !duration.isZero())
                    .orElseThrow(() -> invalid(key, value, "a positive duration such as 500ms, 10s, 2m or PT10S"));
        }

        CoverageMode coverageMode() {
            String value = parameters.get(Constants.COVERAGE).orElse(Constants.COVERAGE_DEFAULT).strip();
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "auto" -> CoverageMode.AUTO;
                case "on" -> CoverageMode.ON;
                case "off" -> CoverageMode.OFF;
                default -> throw invalid(Constants.COVERAGE, value, "auto, on or off");
            };
        }

        boolean onOff(String key, String fallback) {
            return flag(key, fallback, "on", "off");
        }

        boolean bool(String key, String fallback) {
            return flag(key, fallback, "true", "false");
        }

        private boolean flag(String key, String fallback, String yes, String no) {
            String value = parameters.get(key).orElse(fallback).strip();
            if (value.equalsIgnoreCase(yes) || value.equalsIgnoreCase(no)) {
                return value.equalsIgnoreCase(yes);
            }
            throw invalid(key, value, yes + " or " + no);
        }

        Optional<Level> failLevel() {
            String value = parameters.get(Constants.FAIL_LOGGED).orElse(Constants.FAIL_LOGGED_DEFAULT).strip();
            if (value.equalsIgnoreCase("none")) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(Level.values()).filter(level -> level.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> invalid(Constants.FAIL_LOGGED, value, "NONE, TRACE, DEBUG, INFO, WARN or ERROR")));
        }

        int starts() {
            String value = parameters.get(Constants.POOL_STARTS).orElse(Constants.POOL_STARTS_DEFAULT).strip();
            if (value.equalsIgnoreCase("auto")) {
                return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            }
            try {
                int starts = Integer.parseInt(value);
                if (starts > 0) {
                    return starts;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(Constants.POOL_STARTS, value, "auto or a whole number, 1 or more");
        }

        int count(String key, String fallback) {
            String value = parameters.get(key).orElse(fallback).strip();
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, value, "a whole number, 0 or more");
        }

        private static JUnitException invalid(String key, String value, String expected) {
            return new JUnitException(String.format("Configuration parameter %s must be %s, was [%s]", key, expected, value));
        }
    }
}

package dev.proctest.engine.config;

import static dev.proctest.engine.ProcTestKit.engine;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.rootCause;

import dev.proctest.Constants;
import dev.proctest.engine.fixtures.ThreadRecordingTestCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A setting of how children start (the pool, the class data archive) that cannot be used fails the run before any test starts, naming the key. */
class PoolSettingsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proctest.pool.size   | -1   | a whole number, 0 or more",
        "proctest.pool.size   | two  | a whole number, 0 or more",
        "proctest.pool.size   | 1.5  | a whole number, 0 or more",
        "proctest.pool.starts | 0    | auto or a whole number, 1 or more",
        "proctest.pool.starts | many | auto or a whole number, 1 or more",
        "proctest.cds         | auto | on or off",
    })
    void aBadValueFailsTheRunNamingTheKeyAndWhatItTakes(String key, String value, String expected) {
        EngineExecutionResults results = engine(selectClass(ThreadRecordingTestCase.class)).configurationParameter(key, value).execute();

        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(rootCause(
                message("Configuration parameter " + key + " must be " + expected + ", was [" + value + "]")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @ParameterizedTest
    @CsvSource({"proctest.pool.size, 0", "proctest.pool.size, 8", "proctest.pool.starts, auto", "proctest.pool.starts, 3", "proctest.cds, off",
        "proctest.cds, ON"})
    void aGoodValueRunsTheTests(String key, String value) {
        engine(selectClass(ThreadRecordingTestCase.class)).configurationParameter(key, value).configurationParameter(
                Constants.PARALLEL_ENABLED, "false").execute().testEvents().assertStatistics(stats -> stats.failed(0).succeeded(2));
    }
}

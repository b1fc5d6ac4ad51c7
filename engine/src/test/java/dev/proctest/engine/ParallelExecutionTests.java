package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.rootCause;

import dev.proctest.Constants;
import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.ConcurrentTestCase;
import dev.proctest.engine.fixtures.ThreadRecordingTestCase;
import dev.proctest.engine.paramfixtures.ParallelInvocationsTestCase;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code proctest.parallel.enabled} and its executor settings. */
class ParallelExecutionTests {

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void testsRunOneAfterTheOtherOnTheLaunchingThreadByDefault() {
        execute(selectClass(ThreadRecordingTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(CallLog.calls()).containsOnly(Thread.currentThread().getName()).hasSize(2);
    }

    @Test
    void testsRunConcurrentlyWhenParallelExecutionIsEnabled() {
        ConcurrentTestCase.bothRunning = new CyclicBarrier(2);

        engine(selectClass(ConcurrentTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "2")
                .execute().testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(CallLog.calls()).hasSize(2).noneMatch(call -> call.endsWith(Thread.currentThread().getName()));
    }

    @Test
    void parameterizedAndRepeatedTestsRunInParallelEachOneInvocationAtATime() {
        ParallelInvocationsTestCase.firstInvocations = new CyclicBarrier(3);
        ParallelInvocationsTestCase.MOST_AT_ONCE_IN_ONE_TEST.set(0);

        EngineExecutionResults results = engine(selectClass(ParallelInvocationsTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .execute();

        Outcomes.assertAllPassed(results, 9);
        assertThat(ParallelInvocationsTestCase.MOST_AT_ONCE_IN_ONE_TEST).hasValue(1);
        assertThat(CallLog.calls()).hasSize(9).containsSubsequence("left 1", "left 2", "left 3")
                .containsSubsequence("right 1", "right 2", "right 3").containsSubsequence("repeated 1", "repeated 2", "repeated 3");
    }

    @Test
    void settingThatIsNeitherTrueNorFalseFailsTheRunSayingWhichSettingAndWhy() {
        EngineExecutionResults results = engine(selectClass(ThreadRecordingTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "yes").execute();

        results.allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(
                rootCause(message("Configuration parameter proctest.parallel.enabled must be true or false, was [yes]")))));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void unknownStrategyFailsTheRunNamingTheChoices() {
        engine(selectClass(ThreadRecordingTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "turbo")
                .execute().allEvents().assertThatEvents().haveExactly(1, event(engine(), finishedWithFailure(rootCause(
                        message("Configuration parameter proctest.parallel.config.strategy must be dynamic or fixed, was [turbo]")))));
    }
}

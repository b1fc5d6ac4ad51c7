package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.dynamicTestRegistered;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.Constants;
import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.paramfixtures.FlakyTestCase;
import dev.proctest.engine.paramfixtures.RepeatedTestCase;
import dev.proctest.engine.report.PageReport;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Repeated} and {@code proctest.repeat} run a test again and again, each repetition a test of its own. */
class RepeatedTests {

    private static final String FLAKY = "[engine:proctest]/[class:" + FlakyTestCase.class.getName() + "]/[method:flaky()]";

    @BeforeEach
    void reset() {
        CallLog.clear();
        FlakyTestCase.RUNS.set(0);
    }

    @Test
    void eachRepetitionIsATestOfItsOwnWithItsRepetitionInfo() {
        execute(selectMethod(RepeatedTestCase.class, "thrice", "org.junit.jupiter.api.RepetitionInfo")).allEvents()
                .assertEventsMatchExactly(
                        event(engine(), started()),
                        event(container(RepeatedTestCase.class), started()),
                        event(container("thrice"), started()),
                        event(dynamicTestRegistered("repetition:#1"), displayName("repetition 1 of 3")),
                        event(test("repetition:#1"), started()),
                        event(test("repetition:#1"), finishedSuccessfully()),
                        event(dynamicTestRegistered("repetition:#2"), displayName("repetition 2 of 3")),
                        event(test("repetition:#2"), started()),
                        event(test("repetition:#2"), finishedSuccessfully()),
                        event(dynamicTestRegistered("repetition:#3"), displayName("repetition 3 of 3")),
                        event(test("repetition:#3"), started()),
                        event(test("repetition:#3"), finishedSuccessfully()),
                        event(container("thrice"), finishedSuccessfully()),
                        event(container(RepeatedTestCase.class), finishedSuccessfully()),
                        event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("before 1", "thrice 1/3 failures 0", "before 2", "thrice 2/3 failures 0",
                "before 3", "thrice 3/3 failures 0");
    }

    @Test
    void aFailureThresholdSkipsTheRepetitionsAfterItIsReached() {
        execute(selectMethod(RepeatedTestCase.class, "stopsAtFirstFailure", "org.junit.jupiter.api.RepetitionInfo")).testEvents()
                .assertEventsMatchExactly(
                        event(dynamicTestRegistered("#1")),
                        event(test("#1"), started()),
                        event(test("#1"), finishedSuccessfully()),
                        event(dynamicTestRegistered("#2")),
                        event(test("#2"), started()),
                        event(test("#2"), finishedWithFailure(message(m -> m.contains("repetition")))),
                        event(dynamicTestRegistered("#3"), displayName("repetition 3 of 4")),
                        event(test("#3"), skippedWithReason("Failure threshold [1] exceeded")),
                        event(dynamicTestRegistered("#4")),
                        event(test("#4"), skippedWithReason("Failure threshold [1] exceeded")));
        assertThat(CallLog.calls()).containsExactly("before 1", "stops 1 threshold 1", "before 2", "stops 2 threshold 1");
    }

    @Test
    void proctestRepeatRunsASelectedTestUntilItsFirstFailureWhichCarriesItsReport() {
        EngineExecutionResults results = engine(selectMethod(FlakyTestCase.class, "flaky"))
                .configurationParameter(Constants.REPEAT, "5").execute();

        results.allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(FlakyTestCase.class), started()),
                event(container("flaky"), started()),
                event(dynamicTestRegistered("#1"), displayName("repetition 1 of 5")),
                event(test("#1"), started()),
                event(test("#1"), finishedSuccessfully()),
                event(dynamicTestRegistered("#2")),
                event(test("#2"), started()),
                event(test("#2"), finishedSuccessfully()),
                event(dynamicTestRegistered("#3"), displayName("repetition 3 of 5")),
                event(test("#3"), started()),
                event(test("#3"), finishedWithFailure(message(m -> m.contains("run")))),
                event(dynamicTestRegistered("#4")),
                event(test("#4"), skippedWithReason("Failure threshold [1] exceeded")),
                event(dynamicTestRegistered("#5")),
                event(test("#5"), skippedWithReason("Failure threshold [1] exceeded")),
                event(container("flaky"), finishedSuccessfully()),
                event(container(FlakyTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(Arrays.asList(failure.getSuppressed())).hasAtLeastOneElementOfType(PageReport.class);
        assertThat(CallLog.calls()).containsExactly("flaky 1", "flaky 2", "flaky 3");
    }

    @Test
    void proctestRepeatRepeatsEachInvocationOfAParameterizedTest() {
        EngineExecutionResults results = engine(selectMethod(FlakyTestCase.class, "letters", "java.lang.String"))
                .configurationParameter(Constants.REPEAT, "2").execute();

        results.containerEvents().started().assertEventsMatchLooselyInOrder(
                event(container("letters")), event(container("invocation:#1")), event(container("invocation:#2")));
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getLegacyReportingName()))
                .containsExactly("letters(String)[1][1]", "letters(String)[1][2]", "letters(String)[2][1]", "letters(String)[2][2]");
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("repetition 1 of 2", "repetition 2 of 2", "repetition 1 of 2", "repetition 2 of 2");
        assertThat(CallLog.calls()).containsExactly("letters a", "letters a", "letters b", "letters b");
    }

    @Test
    void aRepetitionsUniqueIdRerunsOnlyItAndWithoutRepeatRunsTheTestOnce() {
        UniqueId fourth = UniqueId.parse(FLAKY + "/[repetition:#4]");

        EngineExecutionResults repeated = engine(selectUniqueId(fourth)).configurationParameter(Constants.REPEAT, "5").execute();
        assertThat(repeated.testEvents().started().stream().map(event -> event.getTestDescriptor().getUniqueId()))
                .containsExactly(fourth);

        EngineExecutionResults once = execute(selectUniqueId(fourth));
        assertThat(once.testEvents().started().stream().map(event -> event.getTestDescriptor().getUniqueId()))
                .containsExactly(UniqueId.parse(FLAKY));
        assertThat(CallLog.calls()).containsExactly("flaky 1", "flaky 2");
    }

    @Test
    void aRepeatOfLessThanOneFailsTheDiscoveryNamingTheKey() {
        assertThatThrownBy(() -> engine(selectMethod(FlakyTestCase.class, "flaky")).configurationParameter(Constants.REPEAT, "0")
                .discover()).hasStackTraceContaining("Configuration parameter proctest.repeat must be a whole number, 1 or more, was [0]");
    }
}

package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.suppressed;

import dev.proctest.engine.fixtures.AbortedTestCase;
import dev.proctest.engine.fixtures.AfterAllFailsTestCase;
import dev.proctest.engine.fixtures.AfterEachFailsTestCase;
import dev.proctest.engine.fixtures.BeforeAllFailsTestCase;
import dev.proctest.engine.fixtures.BeforeEachFailsTestCase;
import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.DisabledClassTestCase;
import dev.proctest.engine.fixtures.DisabledMethodTestCase;
import dev.proctest.engine.fixtures.FailingTestCase;
import dev.proctest.engine.fixtures.PassingTestCase;
import dev.proctest.engine.fixtures.TestAndAfterEachFailTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The exact events a build tool sees for each way a test or class can end. */
class ExecutionEventsTests {

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void passingTestStartsAndFinishesSuccessfully() {
        execute(selectClass(PassingTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(PassingTestCase.class), started()),
                event(test("passes"), started()),
                event(test("passes"), finishedSuccessfully()),
                event(container(PassingTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("passes");
    }

    @Test
    void failingTestFinishesWithItsAssertionError() {
        execute(selectClass(FailingTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(FailingTestCase.class), started()),
                event(test("fails"), started()),
                event(test("fails"), finishedWithFailure(instanceOf(AssertionFailedError.class), message("pong never came"))),
                event(container(FailingTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void failedAssumptionAbortsTheTest() {
        execute(selectClass(AbortedTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(AbortedTestCase.class), started()),
                event(test("aborts"), started()),
                event(test("aborts"), abortedWithReason(
                        instanceOf(TestAbortedException.class), message("Assumption failed: no IPC on this machine"))),
                event(container(AbortedTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void disabledTestIsSkippedWithItsReasonAndNeverStarts() {
        execute(selectMethod(DisabledMethodTestCase.class, "disabledWithReason")).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(DisabledMethodTestCase.class), started()),
                event(test("disabledWithReason"), skippedWithReason("waits for the relay firmware")),
                event(container(DisabledMethodTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).isEmpty();
    }

    @Test
    void disabledTestWithoutReasonSaysWhatIsDisabled() {
        execute(selectMethod(DisabledMethodTestCase.class, "disabledWithoutReason")).testEvents().assertEventsMatchExactly(
                event(test("disabledWithoutReason"), skippedWithReason(
                        "void dev.proctest.engine.fixtures.DisabledMethodTestCase.disabledWithoutReason() is @Disabled")));
    }

    @Test
    void disabledClassIsSkippedWithoutRunningAnyOfItsMethods() {
        execute(selectClass(DisabledClassTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(DisabledClassTestCase.class), skippedWithReason("the whole class waits")),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).isEmpty();
    }

    @Test
    void failingBeforeAllFailsTheClassRunsNoTestButStillRunsAfterAll() {
        execute(selectClass(BeforeAllFailsTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(BeforeAllFailsTestCase.class), started()),
                event(container(BeforeAllFailsTestCase.class), finishedWithFailure(
                        instanceOf(IllegalStateException.class), message("hub did not bind"))),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("afterAll");
    }

    @Test
    void failingBeforeEachFailsTheTestSkipsItsBodyAndStillRunsAfterEach() {
        execute(selectClass(BeforeEachFailsTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(BeforeEachFailsTestCase.class), started()),
                event(test("test"), started()),
                event(test("test"), finishedWithFailure(message("child never got ready"))),
                event(container(BeforeEachFailsTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("afterEach");
    }

    @Test
    void failingAfterEachFailsTheTest() {
        execute(selectClass(AfterEachFailsTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(AfterEachFailsTestCase.class), started()),
                event(test("test"), started()),
                event(test("test"), finishedWithFailure(message("child would not stop"))),
                event(container(AfterEachFailsTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("test");
    }

    @Test
    void failingAfterAllFailsTheClassAfterItsTestsPassed() {
        execute(selectClass(AfterAllFailsTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(AfterAllFailsTestCase.class), started()),
                event(test("test"), started()),
                event(test("test"), finishedSuccessfully()),
                event(container(AfterAllFailsTestCase.class), finishedWithFailure(message("shared child would not stop"))),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void firstFailureIsTheTestsAndLaterOnesAreSuppressed() {
        execute(selectClass(TestAndAfterEachFailTestCase.class)).testEvents().assertEventsMatchExactly(
                event(test("test"), started()),
                event(test("test"), finishedWithFailure(
                        instanceOf(AssertionError.class),
                        message("the test failed"),
                        suppressed(0, message("first cleanup failed")))));
    }
}

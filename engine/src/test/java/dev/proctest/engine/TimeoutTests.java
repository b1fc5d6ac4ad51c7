package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.ClassTimeoutTestCase;
import dev.proctest.engine.fixtures.InterruptRestoringTestCase;
import dev.proctest.engine.fixtures.LifecycleTimeoutTestCase;
import dev.proctest.engine.fixtures.MethodTimeoutTestCase;
import dev.proctest.engine.fixtures.SeparateThreadTimeoutTestCase;
import dev.proctest.engine.report.PageReport;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Jupiter's {@code @Timeout} on proctest methods and classes. */
class TimeoutTests {

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void testThatOutlivesItsTimeoutIsInterruptedAndFailsShowingWhereItWasStuck() {
        EngineExecutionResults results = execute(selectClass(MethodTimeoutTestCase.class));

        results.testEvents().assertThatEvents().haveExactly(1, event(test("hangs"), finishedWithFailure(
                instanceOf(TimeoutException.class), message("hangs() timed out after 50 milliseconds"))));
        Throwable failure = failureOf(results);
        assertThat(failure.getSuppressed()).hasSize(2).satisfies(suppressed -> assertThat(suppressed[0]).isInstanceOf(InterruptedException.class))
                .satisfies(suppressed -> assertThat(suppressed[1]).isInstanceOf(PageReport.class));
        assertThat(failure.getCause()).hasMessageContaining("was here when the timeout expired");
        assertThat(Arrays.stream(failure.getCause().getStackTrace()).map(StackTraceElement::getMethodName))
                .contains("untilInterrupted", "hangs");
    }

    @Test
    void classTimeoutAppliesToItsTestsUnlessTheyDeclareTheirOwnButNotToLifecycleMethods() {
        EngineExecutionResults results = execute(selectClass(ClassTimeoutTestCase.class));

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("inheritsClassTimeout"), finishedWithFailure(
                        message("inheritsClassTimeout() timed out after 50 milliseconds"))))
                .haveExactly(1, event(test("overridesClassTimeout"), finishedWithFailure(
                        message("overridesClassTimeout() timed out after 80 milliseconds"))));
        // Each setUp outlasts the class's 50 ms and still finishes.
        assertThat(CallLog.calls()).containsExactly("slowSetUp finished", "slowSetUp finished");
    }

    @Test
    void interruptOfATimeoutDoesNotLeakIntoTheNextInvocation() {
        execute(selectClass(InterruptRestoringTestCase.class)).testEvents().assertThatEvents()
                .haveExactly(1, event(test("restoresTheInterrupt"), finishedWithFailure(instanceOf(TimeoutException.class))));
        assertThat(CallLog.calls()).containsExactly("afterEach interrupted: false");
    }

    @Test
    void lifecycleMethodTimeoutFailsTheTestAndAfterEachStillRuns() {
        execute(selectClass(LifecycleTimeoutTestCase.class)).testEvents().assertThatEvents()
                .haveExactly(1, event(test("test"), finishedWithFailure(
                        instanceOf(TimeoutException.class), message("hangingSetUp() timed out after 1 millisecond"))));
        assertThat(CallLog.calls()).containsExactly("tearDown");
    }

    @Test
    void separateThreadModeFailsAtTheDeadlineEvenWhenTheCodeIgnoresInterrupts() {
        try {
            EngineExecutionResults results = execute(selectClass(SeparateThreadTimeoutTestCase.class));

            results.testEvents().assertThatEvents().haveExactly(1, event(test("ignoresInterrupts"), finishedWithFailure(
                    instanceOf(TimeoutException.class), message("ignoresInterrupts() timed out after 50 milliseconds"))));
            assertThat(CallLog.calls()).containsExactly("runs on proctest-timeout-ignoresInterrupts()");
            assertThat(failureOf(results).getCause()).hasMessageContaining("proctest-timeout-ignoresInterrupts()");
        } finally {
            SeparateThreadTimeoutTestCase.RELEASE.countDown();
        }
    }

    private static Throwable failureOf(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .findFirst().flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}

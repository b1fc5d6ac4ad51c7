package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static dev.proctest.engine.ProcTestKit.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.dynamicTestRegistered;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.invalidfixtures.InvalidParameterizedTestCase;
import dev.proctest.engine.paramfixtures.TransportsParameterizedTestCase;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Invocations nest below the test's transport, each with its own children, endpoints and logs;
 * what cannot run as in Jupiter is refused at discovery.
 */
class TemplateNestingTests {

    private static final String INVALID = "dev.proctest.engine.invalidfixtures.InvalidParameterizedTestCase";

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void invocationsNestBelowTheirTransportEachWithItsOwnEndpointsChildrenAndLogs() {
        EngineExecutionResults results = execute(selectClass(TransportsParameterizedTestCase.class));

        assertLifecycleEvents(results,
                event(engine(), started()),
                event(container(TransportsParameterizedTestCase.class), started()),
                event(container(), displayName("overEach(int, Processes)"), started()),
                event(container(), displayName("[tcp]"), started()),
                event(dynamicTestRegistered("invocation:#1"), displayName("[1] count=1")),
                event(test("invocation:#1"), started()),
                event(test("invocation:#1"), finishedSuccessfully()),
                event(dynamicTestRegistered("invocation:#2"), displayName("[2] count=2")),
                event(test("invocation:#2"), started()),
                event(test("invocation:#2"), finishedSuccessfully()),
                event(container(), displayName("[tcp]"), finishedSuccessfully()),
                event(container(), displayName("[ipc]"), started()),
                event(dynamicTestRegistered("invocation:#1"), displayName("[1] count=1")),
                event(test("invocation:#1"), started()),
                event(test("invocation:#1"), finishedSuccessfully()),
                event(dynamicTestRegistered("invocation:#2"), displayName("[2] count=2")),
                event(test("invocation:#2"), started()),
                event(test("invocation:#2"), finishedSuccessfully()),
                event(container(), displayName("[ipc]"), finishedSuccessfully()),
                event(container(), displayName("overEach(int, Processes)"), finishedSuccessfully()),
                event(container(TransportsParameterizedTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        Outcomes.assertAllPassed(results, 4);
        assertThat(CallLog.calls()).containsExactly("overEach 1 tcp", "overEach 2 tcp", "overEach 1 ipc", "overEach 2 ipc");
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getLegacyReportingName()))
                .containsExactly("overEach(int, Processes)[tcp][1]", "overEach(int, Processes)[tcp][2]",
                        "overEach(int, Processes)[ipc][1]", "overEach(int, Processes)[ipc][2]");
        Path logs = Path.of("target/proctest", TransportsParameterizedTestCase.class.getName());
        for (String run : new String[] {"overEach-tcp-1", "overEach-tcp-2", "overEach-ipc-1", "overEach-ipc-2"}) {
            assertThat(logs.resolve(run).resolve("hello.log")).content().contains("hello");
        }
    }

    /** Asserts the events of starting, registering and finishing, in order: what the children's log entries come between. */
    @SafeVarargs
    private static void assertLifecycleEvents(EngineExecutionResults results, Condition<? super Event>... expected) {
        List<Event> events = results.allEvents().stream().filter(event -> event.getType() != EventType.REPORTING_ENTRY_PUBLISHED
                && event.getType() != EventType.FILE_ENTRY_PUBLISHED).toList();
        assertThat(events).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(events.get(i)).as("event %d", i).is(expected[i]);
        }
    }

    @Test
    void theIdOfOneInvocationOverOneTransportRunsOnlyIt() {
        TestDescriptor method = discover(selectClass(TransportsParameterizedTestCase.class)).getChildren().iterator().next()
                .getChildren().iterator().next();
        UniqueId ipcSecond = method.getUniqueId().append("transport", "ipc").append("invocation", "#2");

        EngineExecutionResults results = execute(selectUniqueId(ipcSecond));

        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getUniqueId()))
                .containsExactly(ipcSecond);
        assertThat(CallLog.calls()).containsExactly("overEach 2 ipc");
    }

    @Test
    void whatCannotRunAsInJupiterIsADiscoveryError() {
        assertThat(issues(selectClass(InvalidParameterizedTestCase.class))).allSatisfy(issue ->
                assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR)).extracting(DiscoveryIssue::message)
                .containsExactlyInAnyOrder(
                        "Parameter [int nodes] of @ProcessTest method 'void " + INVALID + ".injectedFirst(dev.proctest.Processes,int)'"
                                + " comes after the injected parameter [dev.proctest.Processes processes], so no argument fills it and"
                                + " proctest cannot inject it: as in Jupiter, declare the parameters the arguments fill first, then the"
                                + " injected ones (Processes, Logs, CallRecorder, ProcessTestInfo, TestReporter, Implementation,"
                                + " RepetitionInfo, @TempDir Path or File).",
                        "Parameter [java.time.LocalDate day] of @ProcessTest method 'void " + INVALID + ".converted(java.time.LocalDate)'"
                                + " asks for an explicit argument converter (@ConvertWith, @JavaTimeConversionPattern, ...), which"
                                + " proctest does not apply to arguments: declare the parameter with a type the argument converts to"
                                + " implicitly, or convert it in the test.",
                        "@ProcessTest method 'void " + INVALID + ".alsoJupiterTemplate(int)' is also annotated with @ParameterizedTest,"
                                + " so Jupiter would run it too, without proctest. Remove @ParameterizedTest: proctest runs a test with"
                                + " argument sources (@ValueSource, @CsvSource, @MethodSource, ...) once per set of arguments by itself.",
                        "@ProcessTest method 'void " + INVALID + ".alsoJupiterRepeated()' is also annotated with @RepeatedTest, so"
                                + " Jupiter would run it too, without proctest. Remove @RepeatedTest, and repeat the test with @Repeated(n).",
                        "@Repeated on 'void " + INVALID + ".neverRepeated()' asks for 0 repetitions: a repeated test runs at least once."
                                + " Give a count of 1 or more.",
                        "@Repeated on 'void " + INVALID + ".neverRepeated()' has a failureThreshold of 0: the threshold is a number of"
                                + " failures, 1 or more. Give one, or leave it out to run every repetition.",
                        "@Repeated on 'void " + INVALID + ".thresholdNeverReached()' has a failureThreshold of 2, not below its 2"
                                + " repetitions, so it would never skip one; as in Jupiter, give a threshold below the count, or leave"
                                + " it out.");
    }
}

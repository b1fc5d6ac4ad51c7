package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.dynamicTestRegistered;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.paramfixtures.ParameterizedFailureTestCase;
import dev.proctest.engine.paramfixtures.ParameterizedTestCase;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A process or system test with Jupiter's argument sources runs once per set of arguments, each
 * an invocation made when the test runs, named and converted as Jupiter names and converts them.
 */
class ParameterizedTests {

    private static final String CLASS = "[class:" + ParameterizedTestCase.class.getName() + "]";
    private static final String NODES = CLASS + "/[method:nodes(int, dev.proctest.ProcessTestInfo)]";

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void valueSourceRunsTheTestOncePerValueNamedAsJupiterNamesInvocations() {
        execute(selectMethod(ParameterizedTestCase.class, "nodes", "int, dev.proctest.ProcessTestInfo")).allEvents()
                .assertEventsMatchExactly(
                        event(engine(), started()),
                        event(container(ParameterizedTestCase.class), started()),
                        event(container("nodes"), started()),
                        event(dynamicTestRegistered("#1"), displayName("[1] nodes=1")),
                        event(test("#1"), started()),
                        event(test("#1"), finishedSuccessfully()),
                        event(dynamicTestRegistered("#2"), displayName("[2] nodes=3")),
                        event(test("#2"), started()),
                        event(test("#2"), finishedSuccessfully()),
                        event(dynamicTestRegistered("#3"), displayName("[3] nodes=5")),
                        event(test("#3"), started()),
                        event(test("#3"), finishedSuccessfully()),
                        event(container("nodes"), finishedSuccessfully()),
                        event(container(ParameterizedTestCase.class), finishedSuccessfully()),
                        event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("nodes 1 [1] nodes=1", "nodes 3 [2] nodes=3", "nodes 5 [3] nodes=5");
    }

    @Test
    void discoveryCallsNoArgumentSourceAndMakesNoInvocation() {
        TestDescriptor engine = discover(selectClass(ParameterizedTestCase.class));

        TestDescriptor sizes = engine.getDescendants().stream().filter(d -> d.getDisplayName().equals("sizes(long, String)"))
                .findFirst().orElseThrow();
        assertThat(sizes.isContainer()).isTrue();
        assertThat(sizes.mayRegisterTests()).isTrue();
        assertThat(sizes.getChildren()).isEmpty();
        assertThat(CallLog.calls()).isEmpty();
    }

    @Test
    void csvEnumAndMethodSourcesFillTheirParametersConvertedAsJupiterConverts() {
        EngineExecutionResults results = execute(selectClass(ParameterizedTestCase.class));

        Outcomes.assertAllPassed(results, 3 + 2 + 2 + 2);
        assertThat(CallLog.calls()).contains("csv 3 2.5 TCP", "csv 5 7.0 IPC", "enums TCP", "enums UNIX", "factory", "sizes 1kB",
                "sizes 100MB");
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getDisplayName()))
                .contains("[1] nodes=" + text("3") + ", load=" + text("2.5") + ", transport=" + text("TCP"), "[1] transport=TCP",
                        "[1] size=1, unit=" + text("kB"), "[2] big");
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getLegacyReportingName()))
                .contains("sizes(long, String)[1]", "sizes(long, String)[2]");
    }

    @Test
    void aFailedInvocationFailsAloneAndTheOthersStillRun() {
        execute(selectMethod(ParameterizedFailureTestCase.class, "odd", "int")).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(ParameterizedFailureTestCase.class), started()),
                event(container("odd"), started()),
                event(dynamicTestRegistered("#1")),
                event(test("#1"), started()),
                event(test("#1"), finishedSuccessfully()),
                event(dynamicTestRegistered("#2")),
                event(test("#2"), started()),
                event(test("#2"), finishedWithFailure(message(m -> m.contains("remainder of 2")))),
                event(dynamicTestRegistered("#3")),
                event(test("#3"), started()),
                event(test("#3"), finishedSuccessfully()),
                event(container("odd"), finishedSuccessfully()),
                event(container(ParameterizedFailureTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void sourcesThatGiveNoArgumentsFailTheTest() {
        execute(selectMethod(ParameterizedFailureTestCase.class, "empty", "int")).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(ParameterizedFailureTestCase.class), started()),
                event(container("empty"), started()),
                event(container("empty"), finishedWithFailure(message("The argument sources of void " + ParameterizedFailureTestCase.class
                        .getName() + ".empty(int) gave no arguments, so the test would not run at all: as in Jupiter, give at least one"
                        + " set of arguments."))),
                event(container(ParameterizedFailureTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void anArgumentThatDoesNotConvertFailsItsInvocationNamingIt() {
        EngineExecutionResults results = execute(selectMethod(ParameterizedFailureTestCase.class, "unconvertible", "int"));

        results.testEvents().assertEventsMatchExactly(
                event(dynamicTestRegistered("#1"), displayName("[1] number=" + text("three"))),
                event(test("#1"), started()),
                event(test("#1"), finishedWithFailure(message("Cannot fill parameter [int number] of void " + ParameterizedFailureTestCase
                        .class.getName() + ".unconvertible(int) with argument 0: \"three\" does not convert to int."))));
        assertThat(CallLog.calls()).isEmpty();
    }

    @Test
    void theUniqueIdOfOneInvocationRunsOnlyIt() {
        UniqueId second = UniqueId.parse("[engine:proctest]/" + NODES + "/[invocation:#2]");

        EngineExecutionResults results = execute(selectUniqueId(second));

        results.testEvents().assertEventsMatchExactly(
                event(dynamicTestRegistered("#2"), displayName("[2] nodes=3")),
                event(test("#2"), started()),
                event(test("#2"), finishedSuccessfully()));
        assertThat(results.testEvents().started().stream().map(event -> event.getTestDescriptor().getUniqueId())).containsExactly(second);
        assertThat(CallLog.calls()).containsExactly("nodes 3 [2] nodes=3");
    }

    @Test
    void selectingTheMethodBesideOneInvocationRunsEveryInvocation() {
        UniqueId second = UniqueId.parse("[engine:proctest]/" + NODES + "/[invocation:#2]");

        Outcomes.assertAllPassed(execute(selectUniqueId(second), selectMethod(ParameterizedTestCase.class, "nodes",
                "int, dev.proctest.ProcessTestInfo")), 3);
        Outcomes.assertAllPassed(execute(selectMethod(ParameterizedTestCase.class, "nodes", "int, dev.proctest.ProcessTestInfo"),
                selectUniqueId(second)), 3);
    }

    /** Text as the running Jupiter shows it in a display name: quoted since JUnit 6. */
    static String text(String value) {
        boolean quotes = Arrays.stream(ParameterizedTest.class.getMethods()).anyMatch(m -> m.getName().equals("quoteTextArguments"));
        return quotes ? "\"" + value + "\"" : value;
    }
}

package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.proctest.Constants;
import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.PassingTestCase;
import dev.proctest.engine.orderfixtures.ClassOrderTestCase;
import dev.proctest.engine.orderfixtures.DefaultOrderTestCase;
import dev.proctest.engine.orderfixtures.DisplayNameOrderTestCase;
import dev.proctest.engine.orderfixtures.InheritedOrderTestCase;
import dev.proctest.engine.orderfixtures.JupiterOrderTestCase;
import dev.proctest.engine.orderfixtures.MethodNameTestCase;
import dev.proctest.engine.orderfixtures.OrderAnnotationTestCase;
import dev.proctest.engine.orderfixtures.RandomOrderTestCase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** {@code @TestMethodOrder} on proctest classes, with Jupiter's own orderers. */
class MethodOrderTests {

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void orderAnnotationRunsTheStepsByTheirOrderThenTheUnorderedThenTheNestedClass() {
        execute(selectClass(OrderAnnotationTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(OrderAnnotationTestCase.class), started()),
                event(test("zulu"), started()), event(test("zulu"), finishedSuccessfully()),
                event(test("mike"), started()), event(test("mike"), finishedSuccessfully()),
                event(test("alpha"), started()), event(test("alpha"), finishedSuccessfully()),
                event(test("unordered"), started()), event(test("unordered"), finishedSuccessfully()),
                event(container("Later"), started()),
                event(test("afterTheSteps"), started()), event(test("afterTheSteps"), finishedSuccessfully()),
                event(container("Later"), finishedSuccessfully()),
                event(container(OrderAnnotationTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void orderedTestsRunOneAfterAnotherInTheirOrderAlsoWhenTestsRunInParallel() {
        TestDescriptor ordered = single(discover(selectClass(OrderAnnotationTestCase.class)));
        assertThat(ordered.getChildren()).allSatisfy(child ->
                assertThat(((Node<?>) child).getExecutionMode()).isEqualTo(Node.ExecutionMode.SAME_THREAD));
        assertThat(single(discover(selectClass(PassingTestCase.class))).getChildren()).allSatisfy(child ->
                assertThat(((Node<?>) child).getExecutionMode()).isEqualTo(Node.ExecutionMode.CONCURRENT));

        ProcTestKit.engine(selectClass(OrderAnnotationTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(5));
        assertThat(CallLog.calls()).containsExactly("zulu", "mike", "alpha", "unordered", "nested afterTheSteps");
    }

    @Test
    void methodNameSortsByNameThenParameterListAndSaysAnOrderAnnotationIsIneffective() {
        execute(selectClass(MethodNameTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(4));
        assertThat(CallLog.calls()).containsExactly("a()", "a(ProcessTestInfo)", "b()", "c()");

        List<DiscoveryIssue> issues = ProcTestKit.issues(selectClass(MethodNameTestCase.class));
        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.INFO);
            assertThat(issue.message()).isEqualTo("Ineffective @Order annotation on method 'void " + MethodNameTestCase.class.getName()
                    + ".c()': it is not applied, as the class's @TestMethodOrder is not MethodOrderer.OrderAnnotation.");
            assertThat(issue.source()).contains(MethodSource.from(MethodNameTestCase.class.getName(), "c", ""));
        });
    }

    @Test
    void testClassOrderIsAWarningThatSaysItIsNotApplied() {
        assertThat(ProcTestKit.issues(selectClass(ClassOrderTestCase.class))).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).isEqualTo("@TestClassOrder on test class '" + ClassOrderTestCase.class.getName() + "' is not "
                    + "applied: proctest runs its @Nested classes after its tests, in the order discovery finds them. To run steps in "
                    + "an order, put them in one class with @TestMethodOrder.");
        });
    }

    @Test
    void displayNameSortsByDisplayName() {
        execute(selectClass(DisplayNameOrderTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(3));
        assertThat(CallLog.calls()).containsExactly("starts", "takes", "delivers");
    }

    @Test
    void aNestedClassTakesItsEnclosingClasssOrderUnlessItDeclaresItsOwnAsInJupiter6() {
        execute(selectClass(InheritedOrderTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(5));
        List<String> calls = CallLog.calls();
        assertThat(calls.stream().filter(call -> call.startsWith("inherits"))).containsExactly("inherits ab", "inherits b", "inherits c");
        assertThat(calls.stream().filter(call -> call.startsWith("own"))).containsExactly("own z", "own y");
    }

    @Test
    void withoutTestMethodOrderTestsRunInJupitersDefaultOrder() {
        assertThat(methodNames(discover(selectClass(DefaultOrderTestCase.class))))
                .containsExactlyElementsOf(jupiterOrder(JupiterOrderTestCase.ByDefault.class, null));
    }

    @Test
    void randomOrderFollowsItsSeedAsJupitersDoes() {
        List<String> seeded = randomOrder("42");
        assertThat(randomOrder("42")).isEqualTo(seeded);
        assertThat(seeded).isEqualTo(jupiterOrder(JupiterOrderTestCase.AtRandom.class, "42"));
        Set<List<String>> orders = new HashSet<>();
        for (int seed = 1; seed <= 5; seed++) {
            orders.add(randomOrder(String.valueOf(seed)));
        }
        assertThat(orders).as("the orders of five seeds").hasSizeGreaterThan(1);
    }

    private static List<String> randomOrder(String seed) {
        return methodNames(ProcTestKit.engine(selectClass(RandomOrderTestCase.class))
                .configurationParameter(Constants.ORDER_RANDOM_SEED, seed).discover().getEngineDescriptor());
    }

    /** The order in which Jupiter runs the tests of {@code testClass}, with its random seed if given. */
    private static List<String> jupiterOrder(Class<?> testClass, String seed) {
        EngineTestKit.Builder jupiter = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass));
        if (seed != null) {
            jupiter.configurationParameter("junit.jupiter.execution.order.random.seed", seed);
        }
        return jupiter.execute().testEvents().started().stream().map(Event::getTestDescriptor)
                .map(test -> ((MethodSource) test.getSource().orElseThrow()).getMethodName()).toList();
    }

    private static List<String> methodNames(TestDescriptor engine) {
        return single(engine).getChildren().stream().map(test -> ((MethodSource) test.getSource().orElseThrow()).getMethodName()).toList();
    }

    private static TestDescriptor single(TestDescriptor engine) {
        assertThat(engine.getChildren()).hasSize(1);
        return engine.getChildren().iterator().next();
    }
}

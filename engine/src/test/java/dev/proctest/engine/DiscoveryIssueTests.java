package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static dev.proctest.engine.ProcTestKit.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.engine.invalidfixtures.AlsoJupiterTestCase;
import dev.proctest.engine.invalidfixtures.BothAnnotationsTestCase;
import dev.proctest.engine.invalidfixtures.InvalidLifecycleTestCase;
import dev.proctest.engine.invalidfixtures.NestedProblemsTestCase;
import dev.proctest.engine.invalidfixtures.NonVoidMethodTestCase;
import dev.proctest.engine.invalidfixtures.OuterTestCase;
import dev.proctest.engine.invalidfixtures.PerClassTestCase;
import dev.proctest.engine.invalidfixtures.PrivateMethodTestCase;
import dev.proctest.engine.invalidfixtures.StaticMethodTestCase;
import dev.proctest.engine.invalidfixtures.TwoConstructorsTestCase;
import dev.proctest.engine.invalidfixtures.UnresolvableParameterTestCase;
import dev.proctest.engine.invalidfixtures.UnusableOrdererTestCase;
import dev.proctest.engine.invalidfixtures.ZeroTimeoutTestCase;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Bad declarations become discovery issues that say what to change; errors keep the declaration
 * from running and make the launcher fail the engine, so none goes unnoticed.
 */
class DiscoveryIssueTests {

    private static final String INVALID = PrivateMethodTestCase.class.getPackageName();

    @Test
    void privateTestMethodIsAnErrorAndTheOtherTestsOfTheClassAreStillFound() {
        DiscoveryIssue issue = singleError(selectClass(PrivateMethodTestCase.class));

        assertThat(issue.message()).isEqualTo("@ProcessTest method 'private void " + INVALID
                + ".PrivateMethodTestCase.hidden()' must not be private: proctest cannot run it. Make it package-private or public.");
        assertThat(issue.source()).contains(MethodSource.from(PrivateMethodTestCase.class, method(PrivateMethodTestCase.class, "hidden")));
        assertThat(testNames(discover(selectClass(PrivateMethodTestCase.class)))).containsExactly("visible");
    }

    @Test
    void staticTestMethodIsAnError() {
        assertThat(singleError(selectClass(StaticMethodTestCase.class)).message()).isEqualTo("@SystemTest method 'static void "
                + INVALID + ".StaticMethodTestCase.shared()' must not be static: proctest runs each test on a fresh instance "
                + "of its class. Remove 'static'.");
        assertThat(discover(selectClass(StaticMethodTestCase.class)).getDescendants()).noneMatch(TestDescriptor::isTest);
    }

    @Test
    void testMethodReturningAValueIsAnError() {
        assertThat(singleError(selectClass(NonVoidMethodTestCase.class)).message()).isEqualTo("@ProcessTest method 'int "
                + INVALID + ".NonVoidMethodTestCase.answer()' must not return a value: proctest would ignore it. Declare it void.");
    }

    @Test
    void processTestThatJupiterWouldAlsoRunIsAnErrorNamingTheJupiterAnnotation() {
        assertThat(errorMessages(selectClass(AlsoJupiterTestCase.class))).containsExactlyInAnyOrder(
                "@ProcessTest method 'void " + INVALID + ".AlsoJupiterTestCase.both()' is also annotated with @Test, "
                        + "so Jupiter would run it too, without proctest. Remove @Test.",
                "@ProcessTest method 'void " + INVALID + ".AlsoJupiterTestCase.composed()' is also annotated with @UnitTest, "
                        + "so Jupiter would run it too, without proctest. Remove @UnitTest.");
    }

    @Test
    void parameterThatNothingInjectsIsAnErrorListingWhatCanBeInjected() {
        assertThat(singleError(selectClass(UnresolvableParameterTestCase.class)).message()).isEqualTo("Parameter [int port] of "
                + "@ProcessTest method 'void " + INVALID + ".UnresolvableParameterTestCase.needsPort(int)' cannot be injected: "
                + "proctest injects Processes, Logs, CallRecorder, ProcessTestInfo, TestReporter, Implementation, RepetitionInfo, @TempDir Path or File. Remove"
                + " the parameter or change its type.");
    }

    @Test
    void lifecycleMethodsMustHaveJupitersShapeAndTheirClassDoesNotRun() {
        String prefix = INVALID + ".InvalidLifecycleTestCase.";
        assertThat(errorMessages(selectClass(InvalidLifecycleTestCase.class))).containsExactlyInAnyOrder(
                "@BeforeAll method 'void " + prefix + "notStatic()' must be static: proctest creates a fresh instance of the "
                        + "test class for every test method, so there is no instance to call it on.",
                "@BeforeEach method 'static void " + prefix + "isStatic()' must not be static: it runs on the instance of each "
                        + "test. Remove 'static', or use @BeforeAll.",
                "@AfterEach method 'java.lang.String " + prefix + "returnsValue()' must not return a value: proctest would "
                        + "ignore it. Declare it void.");
        assertThat(discover(selectClass(InvalidLifecycleTestCase.class)).getChildren()).isEmpty();
    }

    @Test
    void innerAndPrivateClassesAreErrorsThatSayHowToMakeThemRun() {
        assertThat(errorMessages(selectPackage(INVALID))).contains(
                "Test class '" + INVALID + ".OuterTestCase$Inner' is an inner class without @Nested: proctest runs the tests of "
                        + "top-level, static nested and @Nested inner classes. Annotate it with @Nested to run its tests within "
                        + "its enclosing class, or declare it static.",
                "Test class '" + INVALID + ".OuterTestCase$Hidden' must not be private: proctest cannot run its tests. "
                        + "Make it package-private or public.");
        assertThat(singleError(selectClass(OuterTestCase.Inner.class)).source()).contains(ClassSource.from(OuterTestCase.Inner.class));
    }

    @Test
    void nestedClassesThatCannotRunAreErrorsThatSayHowToMakeThemRun() {
        String outer = INVALID + ".NestedProblemsTestCase$";
        assertThat(errorMessages(selectClass(NestedProblemsTestCase.class))).containsExactlyInAnyOrder(
                "Test class '" + outer + "StaticNested' is annotated with @Nested but is not an inner class: a @Nested class runs "
                        + "its tests within an instance of its enclosing class. Remove 'static', or remove @Nested to run it as a "
                        + "class of its own.",
                "Test class '" + outer + "PrivateNested' must not be private: proctest cannot run its tests. "
                        + "Make it package-private or public.",
                "@Nested class '" + outer + "WithImplementations' is annotated with @Implementations: a @Nested class runs once "
                        + "within each run of its enclosing class. Move @Implementations to the top-level class.",
                "Test class '" + outer + "WithoutNested' is an inner class without @Nested: proctest runs the tests of top-level, "
                        + "static nested and @Nested inner classes. Annotate it with @Nested to run its tests within its enclosing "
                        + "class, or declare it static.");
        assertThat(discover(selectClass(NestedProblemsTestCase.StaticNested.class)).getChildren()).isEmpty();
    }

    @Test
    void methodOrdererThatCannotBeMadeIsAnError() {
        assertThat(singleError(selectClass(UnusableOrdererTestCase.class)).message()).startsWith("@TestMethodOrder("
                + UnusableOrdererTestCase.NeedsAnArgument.class.getName() + ".class) of test class '" + INVALID
                + ".UnusableOrdererTestCase' cannot be used: proctest could not create the orderer (");
    }

    @Test
    void testClassMustHaveOneConstructorAndOneInstancePerTest() {
        assertThat(singleError(selectClass(TwoConstructorsTestCase.class)).message()).isEqualTo("Test class '" + INVALID
                + ".TwoConstructorsTestCase' declares 2 constructors: declare exactly one, so that proctest knows which to call.");
        assertThat(singleError(selectClass(PerClassTestCase.class)).message()).isEqualTo("Test class '" + INVALID
                + ".PerClassTestCase' is annotated with @TestInstance(Lifecycle.PER_CLASS): proctest creates a fresh instance "
                + "of the test class for every test method. Remove the annotation.");
    }

    @Test
    void timeoutMustBePositive() {
        assertThat(singleError(selectClass(ZeroTimeoutTestCase.class)).message()).isEqualTo("@Timeout(0) on @ProcessTest "
                + "method 'void " + INVALID + ".ZeroTimeoutTestCase.test()' must be a positive duration.");
    }

    @Test
    void processAndSystemTestAtOnceIsAWarningAndTheTestRunsOnceWithBothTags() {
        List<DiscoveryIssue> issues = issues(selectClass(BothAnnotationsTestCase.class));

        assertThat(issues).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(Severity.WARNING);
            assertThat(issue.message()).contains("annotated with both @ProcessTest and @SystemTest: it runs once, tagged "
                    + "'process' and 'system'.");
        });
        TestDescriptor test = discover(selectClass(BothAnnotationsTestCase.class)).getDescendants().stream()
                .filter(TestDescriptor::isTest).findFirst().orElseThrow();
        assertThat(test.getTags()).extracting(TestTag::getName).containsExactlyInAnyOrder("process", "system");
        execute(selectClass(BothAnnotationsTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void errorsFailTheEngineWithEveryProblemListedAndNoTestRuns() {
        List<String> errors = errorMessages(selectPackage(INVALID));
        assertThat(errors).hasSize(28);

        var results = execute(selectPackage(INVALID));

        results.allEvents().assertEventsMatchExactly(event(engine(), started()), event(engine(), finishedWithFailure(
                message(text -> errors.stream().allMatch(text::contains)))));
    }

    @Test
    void problemReachedThroughSeveralSelectorsIsReportedOnce() {
        assertThat(issues(selectClass(PrivateMethodTestCase.class), selectMethod(PrivateMethodTestCase.class, "hidden"),
                selectPackage(INVALID))).filteredOn(issue -> issue.message().contains("hidden()")).hasSize(1);
    }

    private static DiscoveryIssue singleError(DiscoverySelector selector) {
        List<DiscoveryIssue> issues = issues(selector);
        assertThat(issues).singleElement().extracting(DiscoveryIssue::severity).isEqualTo(Severity.ERROR);
        return issues.get(0);
    }

    private static List<String> errorMessages(DiscoverySelector selector) {
        List<DiscoveryIssue> issues = issues(selector);
        return issues.stream().filter(issue -> issue.severity() == Severity.ERROR).map(DiscoveryIssue::message).toList();
    }

    private static Set<String> testNames(TestDescriptor engine) {
        return engine.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(test -> ((MethodSource) test.getSource().orElseThrow()).getMethodName()).collect(Collectors.toSet());
    }

    private static Method method(Class<?> type, String name) {
        return ReflectionSupport.findMethod(type, name).orElseThrow();
    }
}

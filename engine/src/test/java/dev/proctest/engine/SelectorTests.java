package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.DisplayNameTestCase;
import dev.proctest.engine.fixtures.InheritedTestCase;
import dev.proctest.engine.fixtures.LifecycleOrderTestCase;
import dev.proctest.engine.fixtures.NestedTestCase;
import dev.proctest.engine.fixtures.PassingTestCase;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Every kind of selector build tools and IDEs send finds proctest tests. */
class SelectorTests {

    private static final String FIXTURES = PassingTestCase.class.getPackageName();

    /** The concrete fixture classes with proctest tests; abstract bases and helpers are not test classes. */
    private static final Set<String> FIXTURE_TEST_CLASSES = Set.of(
            "AbortedTestCase", "AfterAllFailsTestCase", "AfterEachFailsTestCase", "BeforeAllFailsTestCase",
            "BeforeEachFailsTestCase", "ClassTimeoutTestCase", "ConcurrentTestCase", "DisabledClassTestCase",
            "DisabledMethodTestCase", "DisplayNameTestCase", "FailingTestCase", "InheritedTestCase", "InjectionTestCase",
            "InterruptRestoringTestCase", "InvalidTagTestCase", "LifecycleOrderTestCase", "LifecycleTimeoutTestCase", "MethodTimeoutTestCase",
            "NestedTestCase$Inner", "PassingTestCase", "SeparateThreadTimeoutTestCase", "TagsTestCase",
            "TestAndAfterEachFailTestCase", "ThreadRecordingTestCase");

    @Test
    void classSelectorFindsTheClassAndItsTests() {
        TestDescriptor engine = discover(selectClass(LifecycleOrderTestCase.class));

        assertThat(engine.getChildren()).singleElement().satisfies(testClass -> {
            assertThat(testClass.getSource()).contains(ClassSource.from(LifecycleOrderTestCase.class));
            assertThat(testClass.getChildren()).extracting(child -> child.getSource().orElseThrow()).containsExactlyInAnyOrder(
                    methodSource(LifecycleOrderTestCase.class, "first"), methodSource(LifecycleOrderTestCase.class, "second"));
        });
    }

    @Test
    void methodSelectorRunsOnlyThatTest() {
        CallLog.clear();
        execute(selectMethod(LifecycleOrderTestCase.class, "second")).testEvents().assertStatistics(stats -> stats.started(1));
        assertThat(CallLog.calls()).filteredOn(call -> call.startsWith("test on")).hasSize(1);
    }

    @Test
    void methodSelectorFindsAnInheritedTestUnderTheSelectedClass() {
        TestDescriptor engine = discover(selectMethod(InheritedTestCase.class, "inheritedTest"));

        assertThat(engine.getDescendants()).filteredOn(TestDescriptor::isTest).singleElement()
                .extracting(test -> test.getSource().orElseThrow())
                .isEqualTo(methodSource(InheritedTestCase.class, "inheritedTest"));
    }

    @Test
    void packageSelectorFindsEveryTestClassInThePackage() {
        assertThat(testClassNames(discover(selectPackage(FIXTURES)))).isEqualTo(FIXTURE_TEST_CLASSES);
    }

    @Test
    void classpathRootSelectorFindsEveryTestClassThatPassesTheClassNameFilter() throws Exception {
        Path testClasses = Path.of(PassingTestCase.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        TestDescriptor engine = EngineTestKit.engine(ProcTestEngine.ENGINE_ID)
                .selectors(selectClasspathRoots(Set.of(testClasses)).toArray(new DiscoverySelector[0]))
                .filters((Filter<?>) includeClassNamePatterns("^" + FIXTURES.replace(".", "\\.") + "\\..*"))
                .discover().getEngineDescriptor();

        assertThat(testClassNames(engine)).isEqualTo(FIXTURE_TEST_CLASSES);
    }

    @Test
    void uniqueIdSelectorsFindAClassOrOneTest() {
        TestDescriptor discovered = discover(selectClass(DisplayNameTestCase.class));
        TestDescriptor testClass = discovered.getChildren().iterator().next();
        TestDescriptor test = testClass.getChildren().stream()
                .filter(child -> child.getUniqueId().toString().contains("withoutDisplayName")).findFirst().orElseThrow();

        assertThat(test.getUniqueId().toString()).isEqualTo("[engine:proctest]/[class:" + DisplayNameTestCase.class.getName()
                + "]/[method:withoutDisplayName(dev.proctest.ProcessTestInfo)]");
        assertThat(discover(selectUniqueId(testClass.getUniqueId())).getDescendants())
                .extracting(TestDescriptor::getUniqueId).hasSize(3).contains(test.getUniqueId());
        assertThat(discover(selectUniqueId(test.getUniqueId())).getDescendants())
                .extracting(TestDescriptor::getUniqueId).containsExactlyInAnyOrder(testClass.getUniqueId(), test.getUniqueId());
    }

    @Test
    void uniqueIdsOfAnotherEngineOrOfUnknownMembersSelectNothing() {
        String testClass = PassingTestCase.class.getName();
        assertThat(discover(selectUniqueId("[engine:junit-jupiter]/[class:" + testClass + "]")).getChildren()).isEmpty();
        assertThat(discover(selectUniqueId("[engine:proctest]/[class:" + testClass + "]/[method:gone()]")).getChildren()).isEmpty();
        assertThat(discover(selectUniqueId("[engine:proctest]/[class:no.such.Class]")).getChildren()).isEmpty();
    }

    @Test
    void staticNestedClassIsATestClassOfItsOwn() {
        CallLog.clear();
        TestDescriptor engine = discover(selectClass(NestedTestCase.class), selectClass(NestedTestCase.Inner.class));

        assertThat(engine.getChildren()).singleElement()
                .satisfies(inner -> assertThat(inner.getSource()).contains(ClassSource.from(NestedTestCase.Inner.class)));
        execute(selectClass(NestedTestCase.Inner.class)).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(CallLog.calls()).containsExactly("nestedTest");
    }

    @Test
    void classWithoutProcessTestsIsNotATestClass() {
        assertThat(discover(selectClass(CallLog.class)).getChildren()).isEmpty();
        assertThat(discover(selectClass(SelectorTests.class)).getChildren()).isEmpty();
    }

    private static Set<String> testClassNames(TestDescriptor engine) {
        return engine.getChildren().stream()
                .map(child -> ((ClassSource) child.getSource().orElseThrow()).getJavaClass())
                .map(javaClass -> javaClass.getName().substring(FIXTURES.length() + 1))
                .collect(Collectors.toSet());
    }

    private static TestSource methodSource(Class<?> testClass, String name) {
        return MethodSource.from(testClass, methodNamed(testClass, name));
    }

    private static Method methodNamed(Class<?> testClass, String name) {
        return ReflectionSupport.findMethod(testClass, name).orElseThrow();
    }
}

package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.dynamicTestRegistered;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueId;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.nestedfixtures.NestedDisabledTestCase;
import dev.proctest.engine.nestedfixtures.NestedImplementationsTestCase;
import dev.proctest.engine.nestedfixtures.NestedLifecycleTestCase;
import dev.proctest.engine.nestedfixtures.NestedTemplatesTestCase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** {@code @Nested} classes on proctest classes, as Jupiter runs them. */
class NestedClassTests {

    private static final String OUTER = "[engine:proctest]/[class:" + NestedLifecycleTestCase.class.getName() + "]";
    private static final String INNER = OUTER + "/[nested-class:Inner]";
    private static final String DEEPER = INNER + "/[nested-class:Deeper]";

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void nestedClassesRunAfterTheTestsOfTheirEnclosingClassWithinItsEvents() {
        execute(selectClass(NestedLifecycleTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(NestedLifecycleTestCase.class), started()),
                event(test("outerTest"), started()),
                event(test("outerTest"), finishedSuccessfully()),
                event(container(uniqueId(UniqueId.parse(INNER))), displayName("Inner"), started()),
                event(test("innerTest"), started()),
                event(test("innerTest"), finishedSuccessfully()),
                event(container(uniqueId(UniqueId.parse(DEEPER))), displayName("when deeper"), started()),
                event(test("deepestTest"), started()),
                event(test("deepestTest"), finishedSuccessfully()),
                event(container(uniqueId(UniqueId.parse(DEEPER))), finishedSuccessfully()),
                event(container(uniqueId(UniqueId.parse(INNER))), finishedSuccessfully()),
                event(container(NestedLifecycleTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
    }

    @Test
    void lifecycleMethodsOfEnclosingClassesRunAroundTheNestedOnesOnInstancesMadeForEachTest() {
        execute(selectClass(NestedLifecycleTestCase.class));

        assertThat(CallLog.calls()).containsExactly(
                "outer @BeforeAll",
                "outer constructor", "outer @BeforeEach", "outerTest", "outer @AfterEach",
                "inner @BeforeAll",
                "outer constructor", "Inner constructor for innerTest(ProcessTestInfo)",
                "outer @BeforeEach", "inner @BeforeEach",
                "innerTest sees 'hello from the outer @BeforeEach' with tags [inner, outer, process]",
                "inner @AfterEach", "outer @AfterEach",
                "outer constructor", "Inner constructor for deepestTest()",
                "outer @BeforeEach", "inner @BeforeEach", "deeper @BeforeEach", "deepestTest", "inner @AfterEach", "outer @AfterEach",
                "inner @AfterAll",
                "outer @AfterAll");
    }

    @Test
    void nestedClassesHaveJupitersUniqueIdsSourcesAndInheritedTags() {
        TestDescriptor outer = single(discover(selectClass(NestedLifecycleTestCase.class)).getChildren());

        assertThat(outer.getDescendants()).extracting(descriptor -> descriptor.getUniqueId().toString()).containsExactly(
                OUTER + "/[method:outerTest()]",
                INNER,
                INNER + "/[method:innerTest(dev.proctest.ProcessTestInfo)]",
                DEEPER,
                DEEPER + "/[method:deepestTest()]");
        TestDescriptor inner = descriptor(outer, INNER);
        assertThat(inner.getSource()).contains(ClassSource.from(NestedLifecycleTestCase.Inner.class));
        assertThat(inner.getLegacyReportingName()).isEqualTo(NestedLifecycleTestCase.Inner.class.getName());
        assertThat(inner.getTags()).containsExactlyInAnyOrder(TestTag.create("outer"), TestTag.create("inner"));
        TestDescriptor deepest = descriptor(outer, DEEPER + "/[method:deepestTest()]");
        assertThat(deepest.getSource()).contains(MethodSource.from(NestedLifecycleTestCase.Inner.Deeper.class.getName(), "deepestTest", ""));
        assertThat(deepest.getTags()).containsExactlyInAnyOrder(TestTag.create("outer"), TestTag.create("inner"), TestTag.create("process"));
    }

    @Test
    void everyDiscoveredIdOfANestedClassOrTestSelectsExactlyItAgain() {
        TestDescriptor outer = single(discover(selectClass(NestedLifecycleTestCase.class)).getChildren());
        for (TestDescriptor descriptor : outer.getDescendants()) {
            List<UniqueId> expected = descriptor.isTest() ? List.of(descriptor.getUniqueId())
                    : descriptor.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getUniqueId).toList();
            assertThat(testIds(discover(selectUniqueId(descriptor.getUniqueId())))).as("%s", descriptor.getUniqueId())
                    .containsExactlyElementsOf(expected);
        }
        UniqueId deepest = UniqueId.parse(DEEPER + "/[method:deepestTest()]");
        execute(selectUniqueId(deepest)).testEvents().assertEventsMatchExactly(
                event(uniqueId(deepest), started()), event(uniqueId(deepest), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("outer @BeforeAll", "inner @BeforeAll",
                "outer constructor", "Inner constructor for deepestTest()", "outer @BeforeEach", "inner @BeforeEach",
                "deeper @BeforeEach", "deepestTest", "inner @AfterEach", "outer @AfterEach", "inner @AfterAll", "outer @AfterAll");
    }

    @Test
    void classMethodAndNestedSelectorsOfANestedClassSelectItBelowItsEnclosingClass() {
        String innerTest = INNER + "/[method:innerTest(dev.proctest.ProcessTestInfo)]";
        assertThat(testIds(discover(selectClass(NestedLifecycleTestCase.Inner.class)))).extracting(UniqueId::toString)
                .containsExactly(innerTest, DEEPER + "/[method:deepestTest()]");
        assertThat(testIds(discover(selectNestedClass(List.of(NestedLifecycleTestCase.class), NestedLifecycleTestCase.Inner.class))))
                .extracting(UniqueId::toString).containsExactly(innerTest, DEEPER + "/[method:deepestTest()]");
        assertThat(testIds(discover(selectMethod(NestedLifecycleTestCase.Inner.class, "innerTest", "dev.proctest.ProcessTestInfo"))))
                .extracting(UniqueId::toString).containsExactly(innerTest);
        assertThat(testIds(discover(selectNestedMethod(List.of(NestedLifecycleTestCase.class, NestedLifecycleTestCase.Inner.class),
                NestedLifecycleTestCase.Inner.Deeper.class, "deepestTest")))).extracting(UniqueId::toString)
                .containsExactly(DEEPER + "/[method:deepestTest()]");
    }

    @Test
    void aPackageScanFindsEachNestedTestOnce() {
        assertThat(testIds(discover(selectPackage(NestedLifecycleTestCase.class.getPackageName()))))
                .extracting(UniqueId::toString).filteredOn(id -> id.startsWith(OUTER + "/")).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aDisabledNestedClassIsSkippedWithItsReasonAndNothingOfItRuns() {
        execute(selectClass(NestedDisabledTestCase.class)).allEvents().assertEventsMatchExactly(
                event(engine(), started()),
                event(container(NestedDisabledTestCase.class), started()),
                event(test("runs"), started()),
                event(test("runs"), finishedSuccessfully()),
                event(container("Off"), skippedWithReason("the broker is not ready for this")),
                event(container(NestedDisabledTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("runs");
    }

    @Test
    void aNestedClassRunsInEachRunOfItsEnclosingClassOverItsTransports() {
        String run = "[engine:proctest]/[class:" + NestedImplementationsTestCase.class.getName() + "]/[implementation:%s]";
        String test = run + "/[nested-class:Inner]/[method:test(dev.proctest.Implementation, dev.proctest.Processes)]/[transport:%s]";
        assertThat(testIds(discover(selectClass(NestedImplementationsTestCase.class)))).extracting(UniqueId::toString).containsExactly(
                test.formatted("java", "tcp"), test.formatted("java", "ipc"),
                test.formatted("python", "tcp"), test.formatted("python", "ipc"));

        execute(selectClass(NestedImplementationsTestCase.class)).testEvents().assertStatistics(stats -> stats.succeeded(4));
        assertThat(CallLog.calls()).containsExactly("java tcp", "java ipc", "python tcp", "python ipc");

        CallLog.clear();
        UniqueId oneRun = UniqueId.parse(run.formatted("python") + "/[nested-class:Inner]");
        execute(selectUniqueId(oneRun)).testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(CallLog.calls()).containsExactly("python tcp", "python ipc");
    }

    private static List<UniqueId> testIds(TestDescriptor engine) {
        return engine.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getUniqueId).toList();
    }

    private static TestDescriptor descriptor(TestDescriptor root, String id) {
        return root.findByUniqueId(UniqueId.parse(id)).orElseThrow();
    }

    @Test
    void parameterizedAndRepeatedTestsOfANestedClassRunInItsOrderOnItsEnclosingInstanceAndAreSelectableByInvocation() {
        String cluster = "[engine:proctest]/[class:" + NestedTemplatesTestCase.class.getName() + "]/[nested-class:Cluster]";
        execute(selectClass(NestedTemplatesTestCase.class)).testEvents().assertEventsMatchExactly(
                event(dynamicTestRegistered(displayName("repetition 1 of 2"))), event(test(), started()), event(test(), finishedSuccessfully()),
                event(dynamicTestRegistered(displayName("repetition 2 of 2"))), event(test(), started()), event(test(), finishedSuccessfully()),
                event(dynamicTestRegistered(uniqueId(UniqueId.parse(cluster + "/[method:nodes(int)]/[invocation:#1]"))), displayName("[1] nodes=1")),
                event(test(), started()), event(test(), finishedSuccessfully()),
                event(dynamicTestRegistered(displayName("[2] nodes=3"))), event(test(), started()), event(test(), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("outer again", "outer again", "outer nodes=1", "outer nodes=3");

        CallLog.clear();
        UniqueId second = UniqueId.parse(cluster + "/[method:nodes(int)]/[invocation:#2]");
        execute(selectUniqueId(second)).testEvents().assertEventsMatchExactly(event(dynamicTestRegistered(uniqueId(second))),
                event(test(uniqueId(second)), started()), event(test(uniqueId(second)), finishedSuccessfully()));
        assertThat(CallLog.calls()).containsExactly("outer nodes=3");
    }

    private static TestDescriptor single(java.util.Set<? extends TestDescriptor> descriptors) {
        assertThat(descriptors).hasSize(1);
        return descriptors.iterator().next();
    }
}

package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.uniqueId;

import dev.proctest.engine.fixtures.DisplayNameTestCase;
import dev.proctest.engine.fixtures.InheritedTestCase;
import dev.proctest.engine.fixtures.LifecycleOrderTestCase;
import dev.proctest.engine.fixtures.NestedTestCase;
import dev.proctest.engine.fixtures.TagsTestCase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/** What an IDE does to re-run one test: discover, remember the unique id, select it again. */
class UniqueIdTests {

    @Test
    void everyDiscoveredIdSelectsAndRunsExactlyThatTestAgain() {
        TestDescriptor engine = discover(
                selectClass(LifecycleOrderTestCase.class), selectClass(TagsTestCase.class), selectClass(DisplayNameTestCase.class),
                selectClass(InheritedTestCase.class), selectClass(NestedTestCase.Inner.class));
        List<UniqueId> testIds = engine.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getUniqueId).toList();
        assertThat(testIds).hasSize(9);

        for (UniqueId id : testIds) {
            TestDescriptor rediscovered = discover(selectUniqueId(id));
            assertThat(rediscovered.getDescendants()).filteredOn(TestDescriptor::isTest)
                    .extracting(TestDescriptor::getUniqueId).containsExactly(id);

            execute(selectUniqueId(id)).testEvents().assertEventsMatchExactly(
                    event(uniqueId(id), started()), event(uniqueId(id), finishedSuccessfully()));
        }
    }

    @Test
    void everyDiscoveredClassIdSelectsTheWholeClassAgain() {
        TestDescriptor engine = discover(selectClass(LifecycleOrderTestCase.class), selectClass(TagsTestCase.class));

        for (TestDescriptor testClass : engine.getChildren()) {
            TestDescriptor rediscovered = discover(selectUniqueId(testClass.getUniqueId()));
            assertThat(rediscovered.getChildren()).singleElement().satisfies(again -> assertThat(again.getChildren())
                    .extracting(TestDescriptor::getUniqueId)
                    .containsExactlyInAnyOrderElementsOf(testClass.getChildren().stream().map(TestDescriptor::getUniqueId).toList()));
        }
    }
}

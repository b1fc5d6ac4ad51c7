package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.discover;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.fixtures.DisplayNameTestCase;
import dev.proctest.engine.fixtures.NestedTestCase;
import dev.proctest.engine.fixtures.PassingTestCase;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;

/** Display names as Jupiter makes them; legacy reporting names as Surefire's XML shows them. */
class DisplayNameTests {

    @Test
    void displayNameAnnotationsNameTheClassAndTheTest() {
        TestDescriptor testClass = discover(selectClass(DisplayNameTestCase.class)).getChildren().iterator().next();

        assertThat(testClass.getDisplayName()).isEqualTo("Pong server");
        assertThat(testClass.getLegacyReportingName()).isEqualTo(DisplayNameTestCase.class.getName());
        assertThat(testClass.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("answers ping with pong", "withoutDisplayName(ProcessTestInfo)");
        assertThat(testClass.getChildren()).extracting(TestDescriptor::getLegacyReportingName)
                .containsExactlyInAnyOrder("answersPing()", "withoutDisplayName(ProcessTestInfo)");
    }

    @Test
    void classesWithoutDisplayNameAreNamedAfterTheirClass() {
        assertThat(discover(selectClass(PassingTestCase.class)).getChildren())
                .extracting(TestDescriptor::getDisplayName).containsExactly("PassingTestCase");
        assertThat(discover(selectClass(NestedTestCase.Inner.class)).getChildren())
                .extracting(TestDescriptor::getDisplayName).containsExactly("NestedTestCase$Inner");
    }
}

package dev.proctest.samples.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * "No 'address already in use' if one test fails badly": a test that fails with its server up and
 * its channel open, then, in the same run, a test on the same endpoint name, over each transport.
 */
class FailsBadlyTests {

    @Test
    @Tag("process")
    void a_test_after_one_that_failed_badly_binds_the_same_endpoint_name() {
        FailsBadly.RAN.clear();
        EngineExecutionResults results = EngineTestKit.engine("proctest")
                .selectors(selectMethod(FailsBadly.class, "fails_badly_with_its_server_up", "dev.proctest.Processes"),
                        selectMethod(FailsBadly.class, "binds_the_same_endpoint_name_fine", "dev.proctest.Processes"))
                .execute();

        assertThat(FailsBadly.RAN).as("the failing test first, over each transport")
                .containsExactly("fails tcp", "fails unix", "binds tcp", "binds unix");
        results.testEvents().assertStatistics(stats -> stats.failed(2).succeeded(2));
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()).toList();
        assertThat(failures).allSatisfy(failure -> assertThat(failure).hasMessage("a test that fails badly"));
    }
}

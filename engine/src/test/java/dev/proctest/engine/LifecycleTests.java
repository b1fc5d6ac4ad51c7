package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.fixtures.CallLog;
import dev.proctest.engine.fixtures.InheritedTestCase;
import dev.proctest.engine.fixtures.LifecycleOrderTestCase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jupiter's lifecycle semantics on proctest classes. */
class LifecycleTests {

    @BeforeEach
    void clearCallLog() {
        CallLog.clear();
    }

    @Test
    void lifecycleMethodsRunInJupitersOrderAroundEachTestOnAFreshInstance() {
        execute(selectClass(LifecycleOrderTestCase.class)).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        List<String> calls = CallLog.calls();
        assertThat(calls).hasSize(2 + 2 * 6 + 2);
        assertThat(calls.subList(0, 2)).containsExactly("base @BeforeAll", "@BeforeAll");
        String firstInstance = assertTestBlock(calls.subList(2, 8));
        String secondInstance = assertTestBlock(calls.subList(8, 14));
        assertThat(firstInstance).isNotEqualTo(secondInstance);
        assertThat(calls.subList(14, 16)).containsExactly("@AfterAll", "base @AfterAll");
    }

    /** Checks one test's calls and returns the identity of the instance it ran on. */
    private static String assertTestBlock(List<String> block) {
        String instance = block.get(0).substring("constructor ".length());
        assertThat(block).containsExactly(
                "constructor " + instance,
                "base @BeforeEach",
                "@BeforeEach",
                "test on " + instance + " after 0 other tests",
                "@AfterEach",
                "base @AfterEach");
        return instance;
    }

    @Test
    void testMethodsInheritedFromAnAbstractClassRunAsTestsOfTheSubclass() {
        execute(selectClass(InheritedTestCase.class)).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(CallLog.calls()).containsExactly("inheritedTest on InheritedTestCase");
    }
}

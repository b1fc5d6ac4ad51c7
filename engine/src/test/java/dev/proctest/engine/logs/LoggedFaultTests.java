package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.ChildProcessException;
import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.LoggedFaultTestCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A child that logs at or above the level its spec or the run names fails its test, unless a pattern allows the record. */
class LoggedFaultTests {

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheLoggingChildren() {
        results = execute(selectClass(LoggedFaultTestCase.class));
    }

    @Test
    void errorRecordFailsTheNextWaitWithTheRecord() {
        for (String framework : new String[] {"jul", "logback"}) {
            assertThat(Outcomes.failureOf(results, framework + "ErrorFailsTheNextWait")).isInstanceOf(ChildProcessException.class)
                    .hasMessageMatching("(?s)Child '" + framework + "' \\(pid \\d+, running\\) logged a record at ERROR, which fails the"
                            + " test under its spec's failOnLogged\\(ERROR\\); if it may log it, give the child's spec allowLogged\\(regex\\)"
                            + " with a pattern that finds it:\n  \\S+ " + framework + " ERROR orders.service \\[main] request failed\n"
                            + "  java.lang.IllegalStateException: backend unreachable\n.*full log: .*");
        }
    }

    @Test
    void recordBelowTheLevelOrAllowedByMessageOrExceptionPasses() {
        assertThat(Outcomes.failureOf(results, "warnAtTheLevelFailsUnlessAllowed"))
                .hasMessageContaining("logged a record at WARN").hasMessageContaining("disk almost full");
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(2).failed(3));
    }

    @Test
    void theRunWideKeySetsTheLevelOfChildrenWithoutOne() {
        EngineExecutionResults run = engine(selectMethod(LoggedFaultTestCase.class, "noLevelOfItsOwn",
                "dev.proctest.Processes,dev.proctest.Logs")).configurationParameter(Constants.FAIL_LOGGED, "error").execute();

        assertThat(Outcomes.failureOf(run, "noLevelOfItsOwn")).hasMessageContaining("which fails the test under proctest.fail.logged=ERROR");
    }
}

package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.CleanupTestCase;
import dev.proctest.engine.processfixtures.ScopeTestCase;
import dev.proctest.engine.processfixtures.StopMessageTestCase;
import dev.proctest.engine.processfixtures.StopOrderTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Children belong to the scope that started them and end with it, whatever way it ends. */
class ScopeTests {

    @Test
    void classChildrenServeEveryTestAndTestChildrenEndWithTheirTest() {
        Outcomes.assertAllPassed(execute(selectClass(ScopeTestCase.class)), 2);

        assertThat(ScopeTestCase.OBSERVED).containsExactly(
                "own child alive in @AfterEach: true", "own child alive in @AfterEach: true", "shared child alive in @AfterAll: true");
        assertThat(ScopeTestCase.PIDS).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void childrenAreStoppedNewestFirst(@TempDir Path directory) throws Exception {
        StopOrderTestCase.record = directory.resolve("stops.txt");
        StopOrderTestCase.restartFirst = false;

        Outcomes.assertAllPassed(execute(selectClass(StopOrderTestCase.class)), 1);

        assertThat(Files.readAllLines(StopOrderTestCase.record)).containsExactly("third stopped", "second stopped", "first stopped");
    }

    @Test
    void aRestartedChildKeepsItsPlaceInTheStopOrder(@TempDir Path directory) throws Exception {
        StopOrderTestCase.record = directory.resolve("stops.txt");
        StopOrderTestCase.restartFirst = true;

        Outcomes.assertAllPassed(execute(selectClass(StopOrderTestCase.class)), 1);

        assertThat(Files.readAllLines(StopOrderTestCase.record)).containsExactly("third stopped", "second stopped", "first stopped");
    }

    @Test
    void childrenEndWithATestThatFailsOrTimesOut() {
        EngineExecutionResults results = execute(selectClass(CleanupTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        assertThat(Outcomes.failureOf(results, "failsAfterSpawning")).hasMessage("the test failed after spawning");
        assertThat(Outcomes.failureOf(results, "timesOutAfterSpawning")).hasMessageContaining("timed out after 3 seconds");
        assertThat(CleanupTestCase.PIDS).hasSize(2).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void childStoppedByMessageEndsCleanlyAndOneThatIgnoresItIsKilledAndFailsItsTest() throws Exception {
        EngineExecutionResults results = execute(selectClass(StopMessageTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Path logs = Path.of("target/proctest", StopMessageTestCase.class.getName());
        assertThat(Files.readString(logs.resolve("obeys/StopsOnMessage.log")))
                .contains("StopsOnMessage INFO stdout [main] received bye", "StopsOnMessage INFO stdout [main] stopping as asked")
                .containsPattern("stopped with the message \\[bye\\] sent by a REQ socket to tcp://127\\.0\\.0\\.1:\\d+");
        assertThat(Outcomes.failureOf(results, "ignores")).hasMessageMatching("(?s)Child 'StopsOnMessage' \\(pid \\d+, ended by SIGKILL, "
                + "exit code 137\\) did not exit within 1500 ms of the message \\[bye\\] sent by a REQ socket to tcp://127\\.0\\.0\\.1:\\d+ "
                + "and was killed; give its spec stopWith\\(Stop\\.kill\\(\\)\\) if it need not stop gracefully\\..*received bye.*");
    }
}

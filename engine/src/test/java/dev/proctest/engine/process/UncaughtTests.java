package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.ChildProcessException;
import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.ClassScopeUncaughtTestCase;
import dev.proctest.engine.processfixtures.UncaughtTestCase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** An exception that nothing catches on a child's thread fails the test, unless the spec, the run or the moment allows it. */
class UncaughtTests {

    private static final String WORKER_FAILURE = "(?s)Child 'ThrowsOnWorker' \\(pid \\d+, running\\) threw java.lang.IllegalStateException:"
            + " bad frame 7 on thread \"worker-1\" and nothing caught it; if the test expects it, give the child's spec"
            + " allowUncaught\\(IllegalStateException.class\\), or set proctest.fail.uncaught=false:\n"
            + "java.lang.IllegalStateException: bad frame 7\n\tat dev.proctest.engine.children.ThrowsOnWorker.*"
            + "full log: .*ThrowsOnWorker.log.*";

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheThrowingChildren() {
        results = execute(selectClass(UncaughtTestCase.class));
    }

    @Test
    void uncaughtExceptionOnAWorkerFailsTheNextWaitAtOnceWithItsThreadAndStackTrace() {
        assertThat(failure("failsAtTheNextWait")).hasMessageMatching(WORKER_FAILURE)
                .satisfies(UncaughtTests::reportedOnce);
        assertThat(duration("failsAtTheNextWait")).as("the wait of 60 s ended by the exception").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void uncaughtExceptionFailsTheTestAtItsEndWhenItMakesNoFurtherCall() {
        assertThat(failure("failsAtItsEnd")).hasMessageMatching(WORKER_FAILURE)
                .satisfies(UncaughtTests::reportedOnce);
    }

    @Test
    void allowedTypeOrSupertypeLetsItPassAndOnlyThat() {
        assertThat(failure("otherAllowedTypeDoesNotLetItPass")).hasMessageMatching(WORKER_FAILURE);
        assertThat(passed()).contains("allowedSupertypeLetsItPass");
    }

    @Test
    void exceptionThrownWhileProctestStopsTheChildDoesNotFail() {
        assertThat(passed()).contains("throwWhileStoppedDoesNotFail", "throwWhileTheTestEndsDoesNotFail");
    }

    @Test
    void exceptionThatEndsMainIsReportedOnceAsUncaughtUnlessTheExitIsExpected() {
        assertThat(passed()).contains("mainThatEndsByAThrowMayWhenTheExitIsExpected");
        assertThat(failure("mainThatEndsByAThrowFailsOnce"))
                // the fixture saw the process end, the report may be made a moment before the engine has reaped it
                .hasMessageMatching("(?s)Child 'ThrowsAtStartup' \\(pid \\d+, (running|exited with code 1)\\) threw java.lang.IllegalStateException:"
                        + " no configuration file at /etc/pong.conf on thread \"main\" and nothing caught it, which ended its main;"
                        + " if the test expects it, give the child's spec allowUncaught\\(IllegalStateException.class\\) and mayExit\\(\\)"
                        + " .*")
                .satisfies(UncaughtTests::reportedOnce); // not again as an unexpected exit
        results.testEvents().assertStatistics(stats -> stats.started(9).succeeded(5).failed(4));
    }

    @Test
    void aWorkerThatDiesAsTheChildExitsAsExpectedFailsNothing() {
        assertThat(results.testEvents().succeeded().stream().map(UncaughtTests::methodName))
                .contains("throwWhileTheChildExitsAsExpectedDoesNotFail");
    }

    @Test
    void theRunWideKeyTurnsTheCheckOff() {
        Outcomes.assertAllPassed(engine(selectMethod(UncaughtTestCase.class, "failsAtItsEnd",
                "dev.proctest.Processes,dev.proctest.Logs")).configurationParameter(Constants.FAIL_UNCAUGHT, "false").execute(), 1);
    }

    @Test
    void classChildsExceptionFailsTheTestThatRunsAfterItAndOnlyThatOne() {
        EngineExecutionResults classResults = execute(selectClass(ClassScopeUncaughtTestCase.class));

        classResults.containerEvents().assertStatistics(stats -> stats.failed(0));
        classResults.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Throwable failure = classResults.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Child 'shared' (pid ").hasMessageContaining("on thread \"worker-1\" and nothing caught it");
    }

    /** Only the report of what the children were doing may come with it, as with every failure. */
    private static void reportedOnce(Throwable failure) {
        assertThat(failure.getSuppressed()).noneMatch(ChildProcessException.class::isInstance);
    }

    private static Throwable failure(String test) {
        Throwable failure = Outcomes.failureOf(results, test);
        assertThat(failure).isInstanceOf(ChildProcessException.class);
        return failure;
    }

    private static List<String> passed() {
        return results.testEvents().succeeded().stream().map(UncaughtTests::methodName).toList();
    }

    private static Duration duration(String test) {
        Event started = results.testEvents().started().stream().filter(event -> methodName(event).equals(test)).findFirst().orElseThrow();
        Event finished = results.testEvents().finished().stream().filter(event -> methodName(event).equals(test)).findFirst()
                .orElseThrow();
        return Duration.between(started.getTimestamp(), finished.getTimestamp());
    }

    private static String methodName(Event event) {
        Optional<MethodSource> source = event.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        return source.map(MethodSource::getMethodName).orElse("");
    }
}

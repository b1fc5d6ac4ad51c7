package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.BadInputTestCase;
import dev.proctest.engine.processfixtures.ClassScopeExitTestCase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Each bad child fails its own test with a message that names it and shows its output, and no
 * process is left behind.
 */
class BadInputTests {

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheBadChildren() {
        results = execute(selectClass(BadInputTestCase.class));
    }

    @Test
    void everyBadChildFailsItsOwnTestAndOnlyIt() {
        results.testEvents().assertStatistics(stats -> stats.started(10).failed(10));
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void missingMainClassOrMainMethodIsFoundBeforeAnyProcessStarts() {
        assertThat(failure("mainClassNotFound")).hasMessageStartingWith("Cannot spawn child 'Missing': its main class "
                + "dev.proctest.engine.children.Missing is not on the test class path");
        assertThat(failure("noMainMethod")).hasMessage("Cannot spawn child 'NoMain': dev.proctest.engine.children.NoMain has "
                + "no public static void main(String[])");
    }

    @Test
    void childThatDiesBeforeItIsReadyShowsWhyInItsOutput() {
        assertThat(failure("mainThrowsAtStartup")) // the exception that ended main says why; it is reported once
                .hasMessageMatching("(?s)Child 'ThrowsAtStartup' \\(pid \\d+, [^)]+\\) threw java.lang.IllegalStateException: no "
                        + "configuration file at /etc/pong.conf on thread \"main\" and nothing caught it, which ended its main; .*")
                .hasMessageContaining("ThrowsAtStartup ERROR proctest.uncaught.main [main] Exception in thread \"main\" "
                        + "java.lang.IllegalStateException: no configuration file")
                .hasMessageContaining("full log: ")
                .satisfies(failure -> assertThat(failure.getSuppressed()).noneMatch(ChildProcessException.class::isInstance));
        assertThat(failure("exitsBeforeReady"))
                .hasMessageMatching("(?s)Child 'ExitsEarly' \\(pid \\d+, exited with code 3\\) exited before it was ready; "
                        + "proctest waited for a line matching /listening/\\..*")
                .hasMessageContaining("ExitsEarly INFO stdout [main] cannot bind, giving up");
        assertThat(failure("invalidJvmOption"))
                .hasMessageContaining("exited before it was ready")
                .hasMessageContaining("Unrecognized VM option 'NoSuchOption'");
    }

    @Test
    void childThatIsNeverReadyFailsAtItsReadinessTimeoutAndIsStopped() {
        assertThat(failure("neverReady"))
                .hasMessageMatching("(?s)Child 'NeverReady' \\(pid \\d+, running\\) was not ready within 3 s; "
                        + "proctest waited for a line matching /listening/\\..*")
                .hasMessageContaining("NeverReady INFO stdout [main] warming up");
    }

    @Test
    void childThatIgnoresSigtermIsKilledAndFailsItsTest() {
        assertThat(failure("ignoresSigterm"))
                .hasMessageMatching("(?s)Child 'IgnoresSigterm' \\(pid \\d+, ended by SIGKILL, exit code 137\\) did not exit within "
                        + "500 ms of SIGTERM and was killed; give its spec stopWith\\(Stop.kill\\(\\)\\).*")
                // Recorded by the runtime with its thread, or, if the hook printed after the runtime's last records went, from the pipe.
                .satisfies(failure -> assertThat(failure.getMessage())
                        .containsPattern("IgnoresSigterm INFO stdout (\\[Thread-0] )?shutdown hook waits forever"));
    }

    @Test
    void childThatExitsDuringItsTestFailsItAndItsOrphanedGrandchildIsKilled() {
        assertThat(failure("forksGrandchildAndExits"))
                .hasMessageMatching("(?s)Child 'ForksGrandchild' \\(pid \\d+, exited with code 0\\) exited while its test was still "
                        + "running; if it may, give its spec mayExit\\(\\) or wait for it with awaitExit\\..*");
        assertThat(BadInputTestCase.GRANDCHILDREN).singleElement()
                .satisfies(pid -> assertThat(ProcessHandle.of(pid)).as("the grandchild").isEmpty());
    }

    @Test
    void programThatOutlivesItsRunTimeoutIsKilledAtOnce() {
        Throwable failure = failure("runOutlivesItsTimeout");
        assertThat(failure).hasMessageMatching("(?s)Child 'NeverReady' \\(pid \\d+, running\\) did not exit within 3 s\\..*")
                .hasMessageContaining("NeverReady INFO stdout [main] warming up");
        long pid = Long.parseLong(failure.getMessage().replaceAll("(?s)^Child 'NeverReady' \\(pid (\\d+),.*", "$1"));
        assertThat(ProcessHandle.of(pid)).as("the program that overran its timeout").isEmpty();
    }

    @Test
    void childOfTheClassThatExitsDuringItsTestsFailsTheClass() {
        EngineExecutionResults classResults = execute(selectClass(ClassScopeExitTestCase.class));

        classResults.testEvents().assertStatistics(stats -> stats.succeeded(1));
        classResults.containerEvents().assertThatEvents().haveExactly(1, event(container(ClassScopeExitTestCase.class),
                finishedWithFailure(instanceOf(ChildProcessException.class), message(text -> text.matches("(?s)Child 'shared' "
                        + "\\(pid \\d+, exited with code 3\\) exited while its test class was still running; .*")))));
    }

    @Test
    void programThatDoesNotExistCannotStart() {
        assertThat(failure("commandNotFound")).hasMessage("Cannot start child 'proctest-no-such-program': no program "
                + "proctest-no-such-program on its PATH (" + System.getenv("PATH") + ")");
    }

    @Test
    void noProcessIsLeftBehind() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.get(0).onExit().orTimeout(100, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
            left = ProcessHandle.current().descendants().toList();
        }
        assertThat(left).extracting(process -> process.info().commandLine().orElse("pid " + process.pid())).isEmpty();
    }

    private static Throwable failure(String test) {
        Throwable failure = Outcomes.failureOf(results, test);
        assertThat(failure).isInstanceOf(ChildProcessException.class);
        return failure;
    }
}

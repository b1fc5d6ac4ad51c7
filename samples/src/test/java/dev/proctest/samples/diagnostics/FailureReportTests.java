package dev.proctest.samples.diagnostics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.samples.echo.EchoServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * What a red build shows: a test that fails on purpose, run through {@link EngineTestKit}, and
 * the failure it produces, which says what each of its children was doing.
 */
class FailureReportTests {

    @Test
    @Tag("process")
    void a_failure_shows_each_childs_state_last_lines_and_log_file() {
        Throwable failure = EngineTestKit.engine("proctest").selectors(selectClass(StandbyTakeover.class)).execute()
                .testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable())
                .orElseThrow(() -> new AssertionError("the fixture was expected to fail"));

        // The test's own failure, as it was thrown...
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().startsWith("the standby serves"), failure::getMessage);
        // ...and beside it, what the build log shows below it: every child, its state, its last lines, its log file;
        // then where the test's page is, with its children on a timeline.
        assertEquals(2, failure.getSuppressed().length, () -> Arrays.toString(failure.getSuppressed()));
        assertTrue(failure.getSuppressed()[1].getMessage().endsWith("standby_takes_over_the_port/report.html"),
                failure.getSuppressed()[1]::getMessage);
        String report = failure.getSuppressed()[0].getMessage();
        assertAll(report,
                () -> assertTrue(report.startsWith("What the test's children were doing when it failed:")),
                () -> assertTrue(Pattern.compile("Child 'primary' \\(pid \\d+, running\\)\\.").matcher(report).find()),
                () -> assertTrue(report.contains("primary INFO stdout [main] echo server listening on port")),
                () -> assertTrue(Pattern.compile("Child 'standby' \\(pid \\d+, exited with code 1\\)\\.").matcher(report).find()),
                () -> assertTrue(report.contains("java.net.BindException")),
                () -> assertTrue(report.contains("full log: ")),
                () -> assertTrue(report.contains("standby_takes_over_the_port/primary.log")),
                () -> assertTrue(report.contains("standby_takes_over_the_port/standby.log")));
    }

    /**
     * The fixture, which fails on purpose: a second echo server cannot take the port the first
     * holds. A nested class, so that Maven's test plugins leave it to the test above.
     */
    static class StandbyTakeover {

        @ProcessTest
        void standby_takes_over_the_port(Processes processes, Logs logs) {
            Endpoint endpoint = processes.endpoint("echo");
            processes.spawn(JavaChild.main(EchoServer.class).name("primary").args(String.valueOf(endpoint.port()))
                    .readyWhen(Ready.listening(endpoint)));
            ChildProcess standby = processes.spawn(JavaChild.main(EchoServer.class).name("standby")
                    .args(String.valueOf(endpoint.port())).mayExit());

            standby.awaitExit(Duration.ofSeconds(30));
            logs.from("standby").await("BindException");
            assertTrue(standby.isAlive(), "the standby serves");
        }
    }
}

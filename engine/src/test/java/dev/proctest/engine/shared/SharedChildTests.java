package dev.proctest.engine.shared;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.sharedfixtures.AlsoUsesBrokerTestCase;
import dev.proctest.engine.sharedfixtures.BrokenBrokerTestCase;
import dev.proctest.engine.sharedfixtures.BrokerUse;
import dev.proctest.engine.sharedfixtures.CoordinatingBrokerTestCase;
import dev.proctest.engine.sharedfixtures.CrowdedBrokerTestCase;
import dev.proctest.engine.sharedfixtures.DyingBroker;
import dev.proctest.engine.sharedfixtures.DyingBrokerTestCase;
import dev.proctest.engine.sharedfixtures.NoPlainConstructor;
import dev.proctest.engine.sharedfixtures.PongBroker;
import dev.proctest.engine.sharedfixtures.UnknownEndpointTestCase;
import dev.proctest.engine.sharedfixtures.UsesBrokerTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** A shared child starts once for the run, on first use, serves every test that asks, and ends with the run. */
class SharedChildTests {

    private static final Path BROKER_LOG = Path.of("target/proctest/shared", PongBroker.class.getName(), "pong-broker.log");

    @TempDir
    Path directory;

    @BeforeEach
    void countStarts() {
        PongBroker.starts = directory.resolve("starts.txt");
        BrokerUse.PIDS.clear();
        BrokerUse.together = null;
    }

    @Test
    void twoClassesOneAfterTheOtherShareOneChildWhoseLogIsAttachedToEachTestAndWhichEndsWithTheRun() throws Exception {
        EngineExecutionResults results = execute(selectClass(UsesBrokerTestCase.class), selectClass(AlsoUsesBrokerTestCase.class));

        String log = BROKER_LOG.toAbsolutePath().toString();
        String reports = Path.of("target/proctest").toAbsolutePath() + "/";
        assertThat(results.allEvents().list().stream().map(SharedChildTests::describe).toList()).containsExactly(
                "STARTED proctest",
                "STARTED UsesBrokerTestCase",
                "STARTED pings(Processes, Logs)",
                "REPORTING_ENTRY_PUBLISHED pings(Processes, Logs) proctest.log.pong-broker=" + log,
                "FILE_ENTRY_PUBLISHED pings(Processes, Logs) pong-broker.log",
                "REPORTING_ENTRY_PUBLISHED pings(Processes, Logs) proctest.transcript=" + reports
                        + UsesBrokerTestCase.class.getName() + "/pings/transcript.txt",
                "FILE_ENTRY_PUBLISHED pings(Processes, Logs) transcript.txt",
                "FINISHED pings(Processes, Logs) SUCCESSFUL",
                "FINISHED UsesBrokerTestCase SUCCESSFUL",
                "STARTED AlsoUsesBrokerTestCase",
                "STARTED pingsToo(Processes, Logs)",
                "REPORTING_ENTRY_PUBLISHED pingsToo(Processes, Logs) proctest.log.pong-broker=" + log,
                "FILE_ENTRY_PUBLISHED pingsToo(Processes, Logs) pong-broker.log",
                "REPORTING_ENTRY_PUBLISHED pingsToo(Processes, Logs) proctest.transcript=" + reports
                        + AlsoUsesBrokerTestCase.class.getName() + "/pingsToo/transcript.txt",
                "FILE_ENTRY_PUBLISHED pingsToo(Processes, Logs) transcript.txt",
                "FINISHED pingsToo(Processes, Logs) SUCCESSFUL",
                "FINISHED AlsoUsesBrokerTestCase SUCCESSFUL",
                "FINISHED proctest SUCCESSFUL");
        assertStartedOnceAndGone();
        assertThat(Files.readString(BROKER_LOG)).contains("serving on tcp://127.0.0.1:");
    }

    @Test
    void twoClassesInParallelAskingAtOnceStartItOnce() throws Exception {
        BrokerUse.together = new CyclicBarrier(2);

        Outcomes.assertAllPassed(engine(selectClass(UsesBrokerTestCase.class), selectClass(AlsoUsesBrokerTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "2")
                .execute(), 2);

        assertStartedOnceAndGone();
    }

    @Test
    void aClassAndFourTestsAskingFromEightThreadsEachShareOneStart() throws Exception {
        Outcomes.assertAllPassed(engine(selectClass(CrowdedBrokerTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .execute(), 4);

        assertThat(Files.readAllLines(PongBroker.starts)).hasSize(1);
        assertThat(BrokerUse.PIDS).hasSize(4).containsOnly(Long.valueOf(Files.readAllLines(PongBroker.starts).get(0)));
    }

    @Test
    void eachRunStartsItsOwn() throws Exception {
        Outcomes.assertAllPassed(execute(selectClass(UsesBrokerTestCase.class)), 1);
        Outcomes.assertAllPassed(execute(selectClass(UsesBrokerTestCase.class)), 1);

        assertThat(Files.readAllLines(PongBroker.starts)).as("one start per run").hasSize(2);
        assertThat(BrokerUse.PIDS).doesNotHaveDuplicates().allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }

    @Test
    void aStartThatFailsFailsEveryTestThatAsksWithItsFailureAndIsNotTriedAgain() throws Exception {
        EngineExecutionResults results = execute(selectClass(BrokenBrokerTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        List<String> messages = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage()).toList();
        String type = "dev.proctest.engine.sharedfixtures.BrokenBroker";
        assertThat(messages).filteredOn(message -> message.startsWith("Shared child " + type + " could not start: Child 'broken'"))
                .singleElement().asString().contains("cannot bind, giving up");
        assertThat(messages).filteredOn(message -> message.matches("(?s)Shared child " + type + " could not start when "
                + "BrokenBrokerTestCase test asks(Too)? asked for it earlier in this run, and is not tried again: Child 'broken'.*"))
                .singleElement().asString().contains("cannot bind, giving up");
        String log = Files.readString(Path.of("target/proctest/shared", type, "broken.log"));
        assertThat(log.split("started \\(pid", -1)).as("one start in the log").hasSize(2);
    }

    @Test
    void itsEndFailsTheTestsUsingItThenAndTheTestsThatAskLater() throws Exception {
        EngineExecutionResults results = engine(selectClass(DyingBrokerTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "3")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).failed(3));
        assertThat(results.testEvents().finished().stream().mapToLong(event -> event.getTimestamp().toEpochMilli()).max().orElseThrow()
                - results.testEvents().started().stream().mapToLong(event -> event.getTimestamp().toEpochMilli()).min().orElseThrow())
                .as("milliseconds the tests ran: the wait for a line ends with the child, not at its 60 s").isLessThan(30_000);
        String type = DyingBroker.class.getName();
        for (String test : List.of("kills", "watches")) {
            assertThat(Outcomes.failureOf(results, test)).hasMessageMatching("(?s)Child 'dying' \\(pid \\d+, ended by SIGKILL, exit code 137, "
                    + "shared by the run\\) is the shared child of " + type + ", started for the run when DyingBrokerTestCase test "
                    + "(kills|watches) asked for it, and ended while this test was using it; it is not started again, so the tests "
                    + "that ask for it from now on fail\\..*serving on.*");
        }
        assertThat(Outcomes.failureOf(results, "asksOnceItEnded")).hasMessageMatching("(?s)Child 'dying' \\(pid \\d+, ended by SIGKILL, "
                + "exit code 137, shared by the run\\) is the shared child of " + type + ", and ended before this run did; it is not "
                + "started again, so every test that asks for it from now on fails\\..*");
        assertThat(Files.readAllLines(PongBroker.starts)).hasSize(1);
    }

    @Test
    void noBarrierOrMailboxReachesASharedChildAndItsWaitsFailAtOnceSayingWhy() {
        Outcomes.assertAllPassed(execute(selectClass(CoordinatingBrokerTestCase.class)), 1);
    }

    @Test
    void aTypeWithoutPlainConstructorAndAnEndpointTheSpecDidNotTakeFailSayingWhyWithTheSharedChildInTheReport() {
        EngineExecutionResults results = execute(selectClass(UnknownEndpointTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        assertThat(Outcomes.failureOf(results, "asksForOneWithoutPlainConstructor")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A shared child needs a constructor without parameters, which " + NoPlainConstructor.class.getName()
                        + " does not have");
        assertThat(Outcomes.failureOf(results, "asksForAnEndpointItDidNotTake")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The spec of shared child " + PongBroker.class.getName() + " took no endpoint called 'admin'; it took [pong]")
                .satisfies(failure -> assertThat(failure.getSuppressed()).extracting(Throwable::getMessage)
                        .anyMatch(report -> report.matches("(?s)What the test's children were doing when it failed:\n"
                                + "  Child 'pong-broker' \\(pid \\d+, running, shared by the run\\)\\.\n  Its last .*serving on.*")));
    }

    private static void assertStartedOnceAndGone() throws Exception {
        assertThat(Files.readAllLines(PongBroker.starts)).as("the broker's starts").hasSize(1);
        assertThat(BrokerUse.PIDS).hasSize(2).containsOnly(Long.valueOf(Files.readAllLines(PongBroker.starts).get(0)));
        assertThat(ProcessHandle.of(BrokerUse.PIDS.peek())).as("the broker once the run has ended").isEmpty();
    }

    private static String describe(Event event) {
        String what = event.getType() + " " + event.getTestDescriptor().getDisplayName();
        return switch (event.getType()) {
            case REPORTING_ENTRY_PUBLISHED -> what + " " + event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().entrySet()
                    .stream().filter(entry -> !entry.getKey().equals("timestamp")).map(Object::toString).toList().get(0);
            case FILE_ENTRY_PUBLISHED -> what + " " + event.getRequiredPayload(FileEntry.class).getPath().getFileName();
            case FINISHED -> what + " " + event.getRequiredPayload(TestExecutionResult.class).getStatus();
            default -> what;
        };
    }
}

package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.engine.children.FrameworkLogging;
import dev.proctest.engine.children.Greeter;
import dev.proctest.engine.children.InheritsOutput;
import dev.proctest.engine.children.Log4j2Default;
import dev.proctest.engine.children.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What each capture path turns into records; every test passes when capture works. */
public class LogCaptureTestCase {

    @ProcessTest
    void julEventsBecomeRecordsOnce(Processes processes) {
        assertFrameworkEvents(processes.spawn(JavaChild.main(FrameworkLogging.class).args("jul").name("jul")
                .readyWhen(Ready.whenSignalled())), "orders.service");
    }

    @ProcessTest
    void logbackEventsBecomeRecordsOnce(Processes processes) {
        assertFrameworkEvents(processes.spawn(JavaChild.main(FrameworkLogging.class).args("logback").name("logback")
                .systemProperty("logback.configurationFile", "proctest-child-logback.xml").readyWhen(Ready.whenSignalled())),
                "orders.service");
    }

    @ProcessTest
    void log4j2EventsBecomeRecordsOnce(Processes processes) {
        assertFrameworkEvents(processes.spawn(JavaChild.main(FrameworkLogging.class).args("log4j2").name("log4j2")
                .systemProperty("log4j2.configurationFile", "proctest-child-log4j2.xml").readyWhen(Ready.whenSignalled())),
                "orders.service");
    }

    /** Log4j's default configuration adds its console appender without a reference: it must keep printing. */
    @ProcessTest
    void log4j2WithItsDefaultConfigurationStillPrintsAndIsRecordedOnce(Processes processes, Logs logs) {
        ProgramResult result = processes.run(JavaChild.main(Log4j2Default.class).name("default"));

        assertThat(result.stdout()).contains("main ERROR request failed");
        assertThat(logs.from("default").records()).filteredOn(record -> record.message().contains("request failed"))
                .extracting(LogRecord::level, LogRecord::logger, LogRecord::message)
                .containsExactly(tuple(Level.ERROR, "orders.service", "request failed"));
    }

    @ProcessTest
    void stdoutAndStderrLinesBecomeRecordsWithTheirThread(Processes processes, Logs logs) {
        processes.run(JavaChild.main(Greeter.class).args("you").name("greeter"));

        assertThat(processes.spawn(JavaChild.main(Server.class)).name()).isEqualTo("Server"); // another child, to be left out
        Logs greeter = logs.from("greeter");
        assertThat(greeter.records()).extracting(LogRecord::level, LogRecord::logger, LogRecord::thread, LogRecord::message)
                .containsExactly(
                        tuple(Level.INFO, "stdout", "main", "hello you"),
                        tuple(Level.WARN, "stderr", "main", "greeted 1"));
        assertThat(greeter.records()).extracting(LogRecord::sequence).containsExactly(1L, 2L);
        assertThat(greeter.atLeast(Level.WARN).records()).extracting(LogRecord::message).containsExactly("greeted 1");
    }

    @ProcessTest
    void programWithoutTheRuntimeHasARecordForEveryLine(Processes processes) {
        ChildProcess shell = processes.spawn(CommandChild.of("sh", "-c", "echo one; echo two >&2").name("shell")
                .readyWhen(Ready.afterExit()));

        shell.logs().await("two");
        assertThat(shell.logs().records()).extracting(LogRecord::logger, LogRecord::thread, LogRecord::message)
                .containsExactlyInAnyOrder(
                        tuple("stdout", "", "one"),
                        tuple("stderr", "", "two"));
    }

    @ProcessTest
    void outputOfAGrandchildThatSharesTheStreamIsRecordedOnceInItsPlace(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(InheritsOutput.class).readyWhen(Ready.whenSignalled()));

        child.logs().await("after the grandchild");
        assertThat(child.logs().records()).extracting(LogRecord::message)
                .containsExactly("before the grandchild", "from the grandchild", "after the grandchild");
    }

    @ProcessTest
    void awaitThatTimesOutSaysWhatItWaitedForAndWhatItSaw(Processes processes, Logs logs) {
        processes.spawn(JavaChild.main(Server.class).args("on", "5555").readyWhen(Ready.whenSignalled()));

        assertThatThrownBy(() -> logs.within(Duration.ofMillis(300)).await("listening"))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("No record of any child was a record whose message matches /listening/ within 300 ms. "
                        + "The last line logged:\n")
                .hasMessageContaining(" Server INFO stdout [main] serving on 5555")
                .hasMessageContaining("Full log: ");
        assertThatThrownBy(() -> logs.from("nobody").within(Duration.ofMillis(100)).await("x"))
                .hasMessageEndingWith("There is no child 'nobody'; the children are: Server.");
    }

    @ProcessTest
    void logFileHasALineForEveryRecord(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(JavaChild.main(FrameworkLogging.class).args("jul").name("filed")
                .readyWhen(Ready.whenSignalled()));
        child.logs().await("request failed");

        Path log = Path.of("target/proctest", LogCaptureTestCase.class.getName(), "logFileHasALineForEveryRecord", "filed.log");
        child.kill();
        child.awaitExit(Duration.ofSeconds(5)); // the file is complete once the child is gone
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).filteredOn(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} filed INFO orders\\.service \\[main\\] service started"))
                .hasSize(1);
        assertThat(lines).filteredOn(line -> line.matches(".* filed ERROR orders\\.service \\[main\\] request failed")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("request failed")).hasSize(1); // its console line is no record of its own
        assertThat(lines).containsOnlyOnce("java.lang.IllegalStateException: backend unreachable")
                .anyMatch(line -> line.startsWith("Caused by: java.io.IOException: connection refused"));
    }

    private static void assertFrameworkEvents(ChildProcess child, String logger) {
        Logs logs = child.logs();
        LogRecord failed = logs.await("request failed");

        assertThat(failed.level()).isEqualTo(Level.ERROR);
        assertThat(failed.logger()).isEqualTo(logger);
        assertThat(failed.thread()).isEqualTo("main");
        assertThat(failed.throwable()).hasValueSatisfying(thrown -> {
            assertThat(thrown.type()).isEqualTo("java.lang.IllegalStateException");
            assertThat(thrown.message()).isEqualTo("backend unreachable");
            assertThat(thrown.stackTrace()).contains("at dev.proctest.engine.children.FrameworkLogging.main(")
                    .contains("Caused by: java.io.IOException: connection refused");
        });
        assertThat(logs.records()).extracting(LogRecord::level, LogRecord::message).containsExactly(
                tuple(Level.INFO, "service started"),
                tuple(Level.WARN, "disk almost full"),
                tuple(Level.ERROR, "request failed"));
        assertThat(logs.atLeast(Level.WARN).records()).hasSize(2);
    }
}

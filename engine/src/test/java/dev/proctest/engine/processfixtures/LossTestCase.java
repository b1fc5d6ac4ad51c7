package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Flood;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A child logs a million numbered records and ends by each route a child can end by; its log must
 * hold them all, in order, once each; after a SIGKILL, all that reached its pipe.
 */
public class LossTestCase {

    private static final int RECORDS = 1_000_000;
    private static final Duration GENEROUS = Duration.ofMinutes(2);

    /** A numbered record's line: from java.util.logging or stdout, with its thread, or a pipe line without. */
    private static final Pattern RECORD = Pattern.compile("^\\S+ flood INFO (?:flood|stdout)(?: \\[[^]]*])? record (\\d+)$");

    @ProcessTest
    void returnsFromMain(Processes processes) {
        assertCompleteLog("returnsFromMain", endsByItself(processes, "jul", "return"), RECORDS);
    }

    /** A million lines through stdout: each matched against its pipe line, none taken twice or lost. */
    @ProcessTest
    void printsToStdoutAndReturnsFromMain(Processes processes) {
        ChildProcess child = endsByItself(processes, "stdout", "return");
        assertCompleteLog("printsToStdoutAndReturnsFromMain", child, RECORDS);
        try (Stream<String> lines = Files.lines(logOf("printsToStdoutAndReturnsFromMain", child), StandardCharsets.UTF_8)) {
            assertThat(lines.filter(line -> line.contains(" flood INFO stdout [main] record ")).count())
                    .as("lines recorded by the runtime, with their thread, not taken from the pipe as extras").isEqualTo(RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ProcessTest
    void callsSystemExit(Processes processes) {
        assertCompleteLog("callsSystemExit", endsByItself(processes, "jul", "exit"), RECORDS);
    }

    @ProcessTest
    void diesOfAnUncaughtException(Processes processes) {
        assertCompleteLog("diesOfAnUncaughtException", endsByItself(processes, "jul", "throw"), RECORDS);
    }

    @ProcessTest
    void isStoppedWithSigterm(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Flood.class).args(String.valueOf(RECORDS), "jul", "wait")
                .name("flood").readyWhen(Ready.whenSignalled().within(GENEROUS)));
        child.stop();
        assertCompleteLog("isStoppedWithSigterm", child, RECORDS);
    }

    /** Killed while it still writes: records in flight to the hub are lost, their lines in the pipe are not. */
    @ProcessTest
    void isKilledWithSigkillWhileWriting(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Flood.class).args(String.valueOf(RECORDS), "stdout", "wait")
                .name("flood").readyWhen(Ready.whenLogged("^record 200000$").within(GENEROUS)));
        child.kill();
        child.awaitExit(GENEROUS); // and its log complete
        assertCompleteLog("isKilledWithSigkillWhileWriting", child, -1);
    }

    private static ChildProcess endsByItself(Processes processes, String path, String route) {
        ChildProcess child = processes.spawn(JavaChild.main(Flood.class).args(String.valueOf(RECORDS), path, route)
                .name("flood").readyWhen(Ready.afterExit().within(GENEROUS)));
        child.awaitExit(GENEROUS); // already gone: returns once its log is complete
        return child;
    }

    private static Path logOf(String test, ChildProcess child) {
        return Path.of("target/proctest", LossTestCase.class.getName(), test, child.name() + ".log");
    }

    /**
     * Checks that the child's log file holds "record 1" to "record N" in order, each once, where N
     * is {@code expected}, or at least 200,000 if {@code expected} is -1.
     */
    private static void assertCompleteLog(String test, ChildProcess child, int expected) {
        Path log = logOf(test, child);
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher record = RECORD.matcher(line);
                if (record.matches()) {
                    assertThat(Long.parseLong(record.group(1))).as("the record after record %d in %s", count, log).isEqualTo(count + 1);
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (expected >= 0) {
            assertThat(count).as("records in %s", log).isEqualTo(expected);
        } else {
            assertThat(count).as("records in %s", log).isGreaterThanOrEqualTo(200_000);
        }
    }
}

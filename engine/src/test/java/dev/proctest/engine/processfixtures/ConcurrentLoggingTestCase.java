package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ConcurrentLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eight threads log 10,000 events each at once, through each capture path, with and without stack
 * traces: every event is a record once, none is lost, none is doubled as an output line, the log
 * file has each thread's records in the order it logged them, and the last one reaches the test
 * about when it was logged. Run with {@code proctest.logs.retained} above the count.
 */
public class ConcurrentLoggingTestCase {

    static final int THREADS = 8;
    static final int EVENTS = 10_000;
    private static final Pattern EVENT = Pattern.compile("thread (\\d+) event (\\d+)");
    private static final Pattern FILE_LINE = Pattern.compile(" \\[logger-(\\d+)\\] thread (\\d+) event (\\d+)$");

    @ProcessTest
    void logback(Processes processes) throws IOException {
        check(processes, "logback", 0);
    }

    @ProcessTest
    void logbackWithStackTraces(Processes processes) throws IOException {
        check(processes, "logback", 10);
    }

    @ProcessTest
    void log4j2(Processes processes) throws IOException {
        check(processes, "log4j2", 0);
    }

    @ProcessTest
    void log4j2WithStackTraces(Processes processes) throws IOException {
        check(processes, "log4j2", 10);
    }

    @ProcessTest
    void julConsoleHandler(Processes processes) throws IOException {
        check(processes, "jul", 0);
    }

    @ProcessTest
    void julConsoleHandlerWithStackTraces(Processes processes) throws IOException {
        check(processes, "jul", 10);
    }

    @ProcessTest
    void println(Processes processes) throws IOException {
        check(processes, "println", 0);
    }

    @ProcessTest
    void printlnWithStackTraces(Processes processes) throws IOException {
        check(processes, "println", 10);
    }

    private static void check(Processes processes, String path, int traceEvery) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(ConcurrentLogging.class).name(path)
                .args(path, String.valueOf(THREADS), String.valueOf(EVENTS), String.valueOf(traceEvery))
                .systemProperty("logback.configurationFile", "proctest-child-logback.xml")
                .systemProperty("log4j2.configurationFile", "proctest-child-log4j2.xml")
                .readyWhen(Ready.onStart()));

        LogRecord done = child.logs().within(Duration.ofSeconds(120)).await(record -> record.message().equals("all done"));
        Duration late = Duration.between(done.time(), Instant.now());
        List<LogRecord> records = child.logs().records();
        boolean framework = !path.equals("println");
        String eventLogger = framework ? "load" : "stdout";

        Map<String, Integer> seen = new HashMap<>();
        for (LogRecord record : records) {
            Matcher event = EVENT.matcher(record.message());
            if (event.matches() && record.logger().equals(eventLogger)) {
                seen.merge(record.message(), 1, Integer::sum);
            } else if (framework) {
                assertThat(record.logger()).as("a framework's console line recorded again as output: %s", record).isNotIn("stdout", "stderr");
            }
        }
        assertThat(seen).as("events recorded").hasSize(THREADS * EVENTS);
        assertThat(seen.values()).as("each event recorded once").containsOnly(1);
        if (traceEvery > 0) {
            long traces = records.stream().filter(record -> framework ? record.throwable().isPresent()
                    : record.message().startsWith("java.lang.IllegalStateException: trace of ")).count();
            assertThat(traces).as("stack traces").isEqualTo(THREADS * EVENTS / traceEvery);
            if (!framework) {
                long framesOfOne = records.stream().filter(record -> record.message().startsWith("\tat ")).count() / traces;
                assertThat(records).as("every line once: events, trace headers and their frames").hasSize(
                        (int) (THREADS * EVENTS + traces + traces * framesOfOne + 1));
            }
        }
        assertThat(late).as("how late the last record reached the test").isLessThan(Duration.ofSeconds(1));
        child.stop(); // and its log file complete
        assertInLoggingOrderPerThread(records, Files.readAllLines(child.logFile()));
    }

    /** Each thread's events in the file in the order it logged them, and the records' times never going back per thread. */
    private static void assertInLoggingOrderPerThread(List<LogRecord> records, List<String> fileLines) {
        Map<Integer, Integer> lastEvent = new HashMap<>();
        int events = 0;
        for (String line : fileLines) {
            Matcher event = FILE_LINE.matcher(line);
            if (event.find()) {
                int thread = Integer.parseInt(event.group(1));
                int index = Integer.parseInt(event.group(3));
                assertThat(Integer.parseInt(event.group(2))).isEqualTo(thread);
                assertThat(index).as("thread %d's event after event %s", thread, lastEvent.get(thread))
                        .isEqualTo(lastEvent.getOrDefault(thread, -1) + 1);
                lastEvent.put(thread, index);
                events++;
            }
        }
        assertThat(events).as("events in the log file").isEqualTo(THREADS * EVENTS);
        Map<String, Instant> lastTime = new HashMap<>();
        for (LogRecord record : records) {
            Instant before = lastTime.put(record.thread(), record.time());
            assertThat(before == null || !record.time().isBefore(before)).as("%s after a record of its thread at %s", record, before).isTrue();
        }
    }
}

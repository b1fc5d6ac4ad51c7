package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogMark;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ProbedLogging;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurements of {@link LogLatencyBenchmark}: while eight threads of a child log 10,000 events
 * each through one capture path, a ninth logs a probe every 5 ms; the test awaits the next probe,
 * again and again, and times each it finds from the moment it was logged (its record's time) to
 * the moment {@code await} returned. Each await looks only at what came after the last probe
 * found ({@code logs.since(mark)}), as a test awaiting "the next election" does; a probe that
 * came before the mark was made is passed over, and counted.
 */
public class LogLatencyBenchmarkTestCase {

    private static final int PROBES = Integer.getInteger("probes", 400);

    @ProcessTest
    void measure(Processes processes) {
        System.out.printf("8 threads x 10,000 events of load, %d probes every 5 ms; %d cores, %s %s%n", PROBES,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("%-36s %8s %8s %8s %8s%n", "path (console appender), ms", "p50", "p90", "p99", "max");
        latencies(processes, "println", "warm-up"); // the test JVM's code compiled, as in any run past its first tests
        for (String path : System.getProperty("paths", "logback,log4j2,jul,println").split(",")) {
            List<Double> millis = latencies(processes, path, path);
            System.out.printf("%-36s %8.1f %8.1f %8.1f %8.1f   (%d of %d probes found)%n", path, at(millis, 0.5), at(millis, 0.9),
                    at(millis, 0.99), millis.get(millis.size() - 1), millis.size(), PROBES);
        }
    }

    /** Returns how late each probe found reached the test, in milliseconds, sorted. */
    private static List<Double> latencies(Processes processes, String path, String name) {
        ChildProcess child = processes.spawn(JavaChild.main(ProbedLogging.class).name(name)
                .args(path, "8", "10000", String.valueOf(PROBES))
                .systemProperty("logback.configurationFile", "proctest-child-logback.xml")
                .systemProperty("log4j2.configurationFile", "proctest-child-log4j2.xml")
                .readyWhen(Ready.onStart()));
        List<Double> millis = new ArrayList<>();
        Logs logs = child.logs().within(Duration.ofSeconds(30));
        int last = -1;
        while (last < PROBES - 1) { // up to the last probe, or the end of the probes if it was passed over
            int after = last;
            LogMark mark = logs.mark();
            LogRecord record = logs.since(mark).await(logged -> probe(logged) > after);
            last = probe(record);
            if (last < PROBES) {
                millis.add(Duration.between(record.time(), Instant.now()).toNanos() / 1e6);
            }
        }
        Collections.sort(millis);
        child.kill();
        return millis;
    }

    /** The number of a probe, {@code PROBES} for the last record of the probes, or -1 for another record. */
    private static int probe(LogRecord record) {
        if (record.message().equals("probes done")) {
            return PROBES;
        }
        return record.message().startsWith("probe ") ? Integer.parseInt(record.message().substring(6)) : -1;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}

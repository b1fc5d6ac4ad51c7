package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Flood;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measurements of {@link LogBenchmark}: a child floods records; the test times their arrival. */
public class LogBenchmarkTestCase {

    private static final int RECORDS = Integer.getInteger("records", 1_000_000);

    /** How the child ends: "wait" to be killed, or "return" from main, which lets a profiler in it write its recording. */
    private static final String ROUTE = System.getProperty("route", "wait");

    @ProcessTest
    void measure(Processes processes) {
        System.out.printf("%,d records a run; %d cores, %s %s%n", RECORDS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("stdout", "System.out.println, matched against the pipe");
        paths.put("jul", "java.util.logging events, no console handler");
        paths.keySet().retainAll(List.of(System.getProperty("paths", "stdout,jul").split(",")));
        for (Map.Entry<String, String> path : paths.entrySet()) {
            for (int run = 1; run <= 3; run++) {
                ChildProcess child = processes.spawn(JavaChild.main(Flood.class).name(path.getKey() + "-" + run)
                        .args(String.valueOf(RECORDS), path.getKey(), ROUTE).readyWhen(Ready.onStart()).mayExit());
                LogRecord first = child.logs().within(Duration.ofMinutes(2)).await("^flooding$");
                long firstArrival = System.nanoTime();
                LogRecord last = child.logs().within(Duration.ofMinutes(2)).await("^record " + RECORDS + "$");
                double seconds = (System.nanoTime() - firstArrival) / 1e9;
                double logging = Duration.between(first.time(), last.time()).toNanos() / 1e9;
                System.out.printf("%-50s run %d: %,10.0f records/s arrived (%,.2f s); the child logged them in %,.2f s%n",
                        path.getValue(), run, RECORDS / seconds, seconds, logging);
                if (ROUTE.equals("wait")) {
                    child.kill();
                } else {
                    child.awaitExit(Duration.ofMinutes(1));
                }
            }
        }
    }
}

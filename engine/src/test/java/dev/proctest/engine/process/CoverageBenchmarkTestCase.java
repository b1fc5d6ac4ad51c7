package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.util.ArrayList;
import java.util.List;

/** The measurement of {@link CoverageBenchmark}: spawn to ready and stop, ten times, under the run's coverage settings. */
public class CoverageBenchmarkTestCase {

    static String label = "";
    private static final int SPAWNS = 10;

    @ProcessTest
    void measure(Processes processes) {
        List<Long> ready = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        for (int i = 0; i < SPAWNS + 1; i++) {
            long start = System.nanoTime();
            ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("child" + i).readyWhen(Ready.whenSignalled()));
            long spawned = System.nanoTime();
            child.stop();
            if (i > 0) { // the first warms the test JVM up
                ready.add((spawned - start) / 1_000_000);
                stopped.add((System.nanoTime() - spawned) / 1_000_000);
            }
        }
        System.out.printf("%-44s spawn to ready median %d ms, stop median %d ms (%d children; %d cores, %s)%n", label, median(ready),
                median(stopped), SPAWNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}

package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs a benchmark's measurements, which are a proctest test, and ends the JVM with 1 if they fail. */
public final class Benchmarks {

    private Benchmarks() {}

    public static void run(Class<?> measurements) {
        run(measurements, Map.of());
    }

    /** Runs the measurements with these configuration parameters. */
    public static void run(Class<?> measurements, Map<String, String> configuration) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(measurements))
                .configurationParameters(configuration).build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 20);
            System.exit(1);
        }
    }
}

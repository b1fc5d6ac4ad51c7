package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Measures how long a child takes to start, beside a bare JVM on the same class path, in one run.
 * Not a test: run it with {@code mvn -B -pl extension,engine -Pbench test -DskipTests}; figures
 * go to docs/performance.md.
 */
public final class SpawnBenchmark {

    private SpawnBenchmark() {}

    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SpawnBenchmarkTestCase.class)).build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 20);
            System.exit(1);
        }
    }
}

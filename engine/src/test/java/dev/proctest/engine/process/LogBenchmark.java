package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Measures how many log records per second travel from a child to the test JVM. Not a test: run
 * it with {@code mvn -B -pl extension,engine -Pbench test -DskipTests}; figures go to
 * docs/performance.md.
 */
public final class LogBenchmark {

    private LogBenchmark() {}

    public static void main(String[] args) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(LogBenchmarkTestCase.class)).build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 20);
            System.exit(1);
        }
    }
}

package dev.proctest.benchmarks.zookeeper;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs {@link ZooKeeperPartitionTestCase} and prints what each of its steps took. Not a test of the
 * build: {@code java -Dlogback.configurationFile=benchmark-logback.xml -cp ... ZooKeeperPartitionRunner [method...]}.
 */
public final class ZooKeeperPartitionRunner {

    private ZooKeeperPartitionRunner() {}

    public static void main(String[] args) {
        System.out.printf("ZooKeeper %s, three nodes; %d cores, %s %s%n", org.apache.zookeeper.Version.getFullVersion(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ZooKeeperPartitionTestCase.class));
        if (args.length > 0) { // only the tests whose method names are given
            request.filters(MethodFilter.includeMethodNamePatterns(".*\\b(" + String.join("|", args) + ")\\b.*"));
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener progress = new TestExecutionListener() {
            private final java.util.Map<String, Long> started = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    started.put(test.getUniqueId(), System.nanoTime());
                    System.out.println(test.getDisplayName());
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    System.out.printf(Locale.ROOT, "  %s in %.1f s%s%n", result.getStatus(),
                            (System.nanoTime() - started.get(test.getUniqueId())) / 1e9,
                            result.getThrowable().map(t -> ": " + t).orElse(""));
                }
            }
        };
        LauncherFactory.create().execute(request.build(), summary, progress);
        System.out.println("Timings:");
        synchronized (Steps.TIMINGS) {
            for (Map.Entry<String, Double> step : Steps.TIMINGS.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-70s %6.2f s%n", step.getKey(), step.getValue());
            }
        }
        Steps.NOTES.forEach(note -> System.out.println("Seen: " + note));
        if (summary.getSummary().getTotalFailureCount() > 0 || summary.getSummary().getTestsSucceededCount() == 0) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 30);
            System.exit(1);
        }
    }
}

package dev.proctest.benchmarks.zookeeper;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A three-node ZooKeeper ensemble started, its leader killed, a new leader elected and the node
 * restarted: by hand and with proctest, one after the other in each round, on the same class path
 * and configuration. Not a test: {@code mvn -B -Pcluster-bench -pl benchmarks -am verify -DskipTests}.
 */
public final class ZooKeeperClusterBenchmark {

    private ZooKeeperClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 5);
        List<Double> byHand = new ArrayList<>();
        List<Double> proctest = new ArrayList<>();
        System.out.printf("ZooKeeper %s, three nodes; %d cores, %s %s%n", org.apache.zookeeper.Version.getFullVersion(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (int round = 0; round <= rounds; round++) { // round 0 warms up the file cache and builds proctest's archive
            long start = System.nanoTime();
            ByHand.run();
            double hand = (System.nanoTime() - start) / 1e9;
            Map<String, Double> handSteps = Scenario.steps();
            start = System.nanoTime();
            runWithProctest();
            double withProctest = (System.nanoTime() - start) / 1e9;
            Map<String, Double> proctestSteps = Scenario.steps();
            if (round > 0) {
                byHand.add(hand);
                proctest.add(withProctest);
            }
            System.out.printf(Locale.ROOT, "round %d%s: by hand %.2f s, proctest %.2f s, proctest / by hand = %.2f%n", round,
                    round == 0 ? " (warm-up)" : "", hand, withProctest, withProctest / hand);
            printSteps(handSteps, hand, proctestSteps, withProctest);
        }
        System.out.printf(Locale.ROOT, "median: by hand %.2f s, proctest %.2f s, ratio of medians %.2f%n", median(byHand),
                median(proctest), median(proctest) / median(byHand));
    }

    private static void runWithProctest() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ZooKeeperClusterTestCase.class))
                .build(), summary);
        if (summary.getSummary().getTotalFailureCount() > 0 || summary.getSummary().getTestsSucceededCount() != 1) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 20);
            System.exit(1);
        }
    }

    /** Each step's seconds on both sides; the rest is what is outside the scenario: set-up, the nodes' stop, the engine's run. */
    private static void printSteps(Map<String, Double> hand, double handTotal, Map<String, Double> proctest, double proctestTotal) {
        for (Map.Entry<String, Double> step : hand.entrySet()) {
            System.out.printf(Locale.ROOT, "    %-26s by hand %5.2f s, proctest %5.2f s%n", step.getKey(), step.getValue(),
                    proctest.getOrDefault(step.getKey(), Double.NaN));
        }
        System.out.printf(Locale.ROOT, "    %-26s by hand %5.2f s, proctest %5.2f s%n", "the rest (set-up, stop)",
                handTotal - sum(hand), proctestTotal - sum(proctest));
    }

    private static double sum(Map<String, Double> steps) {
        return steps.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

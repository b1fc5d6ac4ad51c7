package dev.proctest.benchmarks.zookeeper;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs {@link SharedZooKeeperWritesTestCase} and {@link SharedZooKeeperReadsTestCase} in parallel,
 * as one run, and checks that they shared one ZooKeeper server: one start in its log, one pid for
 * both, and no server left once the run has ended. Exits with 1 if not.
 */
public final class SharedZooKeeperRunner {

    private static final Path LOG = Path.of("target/proctest/shared", SharedZooKeeper.class.getName(), "zookeeper.log");

    private SharedZooKeeperRunner() {}

    public static void main(String[] args) throws IOException {
        long began = System.nanoTime();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SharedZooKeeperWritesTestCase.class), selectClass(SharedZooKeeperReadsTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "2").build(), summary);
        Matcher starts = Pattern.compile("proctest started \\(pid (\\d+)\\)").matcher(Files.readString(LOG));
        HashSet<Long> started = new HashSet<>();
        int count = 0;
        while (starts.find()) {
            count++;
            started.add(Long.valueOf(starts.group(1)));
        }
        boolean passed = summary.getSummary().getTestsSucceededCount() == 2 && summary.getSummary().getTotalFailureCount() == 0;
        boolean once = count == 1 && SharedZooKeeperUse.PIDS.size() == 2 && started.containsAll(SharedZooKeeperUse.PIDS);
        boolean gone = SharedZooKeeperUse.PIDS.stream().allMatch(pid -> ProcessHandle.of(pid).isEmpty());
        System.out.printf(Locale.ROOT, "Shared ZooKeeper: %d tests passed, %d start(s) in %s, pids %s, %s after the run; %.1f s%n",
                summary.getSummary().getTestsSucceededCount(), count, LOG, SharedZooKeeperUse.PIDS, gone ? "gone" : "STILL ALIVE",
                (System.nanoTime() - began) / 1e9);
        if (!passed || !once || !gone) {
            summary.getSummary().printFailuresTo(new PrintWriter(System.err, true), 30);
            System.exit(1);
        }
    }
}

package dev.proctest.benchmarks.zookeeper;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import java.util.Locale;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs {@link VirtualZooKeeperTestCase} with the default grace of 5 ms and with 1 s, and prints what
 * each saw. With 5 ms the server's clock may jump to the session's expiry while the client is
 * between two packets, which is the documented trade-off; with 1 s, longer than any gap of the
 * client's, the session must live. Exits with 1 if it does not.
 */
public final class VirtualZooKeeperRunner {

    private VirtualZooKeeperRunner() {}

    public static void main(String[] args) {
        run("5ms");
        if (!run("1s")) {
            System.exit(1);
        }
    }

    private static boolean run(String grace) {
        long began = System.nanoTime();
        VirtualZooKeeperTestCase.seen = "";
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(VirtualZooKeeperTestCase.class))
                .configurationParameter(Constants.TIME_VIRTUAL_GRACE, grace).build(), summary);
        boolean passed = summary.getSummary().getTestsSucceededCount() == 1;
        System.out.printf(Locale.ROOT, "ZooKeeper on a virtual clock, grace %s: session %s: %s; %.1f s%n", grace,
                passed ? "lived" : "lost", VirtualZooKeeperTestCase.seen, (System.nanoTime() - began) / 1e9);
        return passed;
    }
}

package dev.proctest.engine.shard;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.proctest.Constants;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A suite of Jupiter and proctest tests, discovered by a real launcher as build tools create it,
 * and the leaves of its test plan: the tests and the templates and factories whose invocations
 * come at execution.
 */
final class Suites {

    private Suites() {}

    /** The suite, with {@code proctest.shard} set to {@code shard} unless it is {@code null}. */
    static LauncherDiscoveryRequest suite(String shard) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(
                selectPackage("dev.proctest.engine.fixtures"), selectClass(JupiterShardTestCase.class),
                selectClass("dev.proctest.engine.UniqueIdTests"), selectClass("dev.proctest.engine.config.PoolSettingsTests"))
                // Its discovery warns of the invalid tag it is made of.
                .filters(excludeClassNamePatterns(".*InvalidTagTestCase"));
        if (shard != null) {
            request.configurationParameter(Constants.SHARD, shard);
        }
        return request.build();
    }

    /** The unique ids of the suite's leaves, discovered by a launcher of {@link LauncherFactory#create()}. */
    static Set<String> leaves(String shard) {
        return leaves(LauncherFactory.create(), suite(shard));
    }

    static Set<String> leaves(Launcher launcher, LauncherDiscoveryRequest request) {
        TestPlan plan = launcher.discover(request);
        Set<String> leaves = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier descriptor : plan.getDescendants(root)) {
                if (plan.getChildren(descriptor).isEmpty()) {
                    leaves.add(descriptor.getUniqueId());
                }
            }
        }
        return leaves;
    }
}

package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.processfixtures.HoldsChildrenTestCase;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A test JVM for {@link OrphanTests}: runs {@link HoldsChildrenTestCase} as a build tool would. */
public final class OrphanHost {

    private OrphanHost() {}

    public static void main(String[] args) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(HoldsChildrenTestCase.class)).build());
    }
}

package dev.proctest.engine;

import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs the proctest engine, loaded as build tools load it, through {@link EngineTestKit}. */
public final class ProcTestKit {

    private ProcTestKit() {}

    public static EngineTestKit.Builder engine(DiscoverySelector... selectors) {
        return EngineTestKit.engine(ProcTestEngine.ENGINE_ID).selectors(selectors);
    }

    public static EngineExecutionResults execute(DiscoverySelector... selectors) {
        return engine(selectors).execute();
    }

    public static TestDescriptor discover(DiscoverySelector... selectors) {
        return engine(selectors).discover().getEngineDescriptor();
    }

    public static List<DiscoveryIssue> issues(DiscoverySelector... selectors) {
        return engine(selectors).discover().getDiscoveryIssues();
    }
}

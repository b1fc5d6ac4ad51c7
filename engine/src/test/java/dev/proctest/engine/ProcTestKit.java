package dev.proctest.engine;

import dev.proctest.Constants;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the proctest engine, loaded as build tools load it, through {@link EngineTestKit}. The
 * pool's keys given to the test JVM as system properties pass on, so that a suite runs with pooled
 * and with cold children ({@code -Dproctest.pool.size=0}).
 */
public final class ProcTestKit {

    private static final List<String> PASSED_ON = List.of(Constants.POOL_SIZE, Constants.POOL_STARTS, Constants.CDS);

    private ProcTestKit() {}

    public static EngineTestKit.Builder engine(DiscoverySelector... selectors) {
        EngineTestKit.Builder engine = EngineTestKit.engine(ProcTestEngine.ENGINE_ID).selectors(selectors);
        for (String key : PASSED_ON) {
            String value = System.getProperty(key);
            if (value != null) {
                engine.configurationParameter(key, value);
            }
        }
        return engine;
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

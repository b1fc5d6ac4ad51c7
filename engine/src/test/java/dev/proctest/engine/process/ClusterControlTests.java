package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.ClusterControlTestCase;
import org.junit.jupiter.api.Test;

/** What a cluster test does with its children: start them together, kill, pause, restart them, mark their logs. */
class ClusterControlTests {

    @Test
    void childrenStartTogetherAndAreKilledPausedAndRestartedAsTheTestSays() {
        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(ClusterControlTestCase.class))
                .configurationParameter(Constants.CHILD_HEARTBEAT_TIMEOUT, "2s")
                .execute(), 13);
    }
}

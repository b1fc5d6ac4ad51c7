package dev.proctest.engine.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.ChildProcessTestCase;
import org.junit.jupiter.api.Test;

/** Spawning, running, readiness, stopping, publishing and endpoints, with real child processes. */
class ChildProcessTests {

    @Test
    void childrenBehaveAsTheirTestsExpect() {
        Outcomes.assertAllPassed(ProcTestKit.execute(selectClass(ChildProcessTestCase.class)), 13);
    }
}

package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.HeldOutputTestCase;
import org.junit.jupiter.api.Test;

/** A grandchild that holds an exited program's output open holds no wait for its exit past its deadline. */
class HeldOutputTests {

    @Test
    void waitsForAnExitKeepTheirDeadlines() {
        Outcomes.assertAllPassed(execute(selectClass(HeldOutputTestCase.class)), 2);
    }
}

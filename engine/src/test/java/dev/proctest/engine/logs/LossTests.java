package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.LossTestCase;
import org.junit.jupiter.api.Test;

/** Nothing a child logs is lost, whichever way it ends. */
class LossTests {

    @Test
    void aMillionRecordsArriveInOrderWhicheverWayTheChildEnds() {
        Outcomes.assertAllPassed(execute(selectClass(LossTestCase.class)), 6);
    }
}

package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.TimeStampsTestCase;
import dev.proctest.engine.processfixtures.TimeTestCase;
import org.junit.jupiter.api.Test;

/** Time runs faster for the system under test in a child, on every clock and in every wait, consistently. */
class TimeTests {

    @Test
    void everyTimeSourceRunsAtTheFactor() {
        Outcomes.assertAllPassed(execute(selectClass(TimeTestCase.class)), 8);
    }

    @Test
    void logsCallsAndTheTestsViewOfTheChildShareItsTime() {
        Outcomes.assertAllPassed(execute(selectClass(TimeStampsTestCase.class)), 4);
    }
}

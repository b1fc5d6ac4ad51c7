package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.ClockShiftBadInputTestCase;
import dev.proctest.engine.processfixtures.ClockShiftTestCase;
import org.junit.jupiter.api.Test;

/** The test jumps a child's wall clock forward and back; nanoTime, waits and the child's view of its records follow as on a stepped machine clock. */
class ClockShiftTests {

    @Test
    void wallClocksJumpAndEverythingThatReadsThemFollows() {
        Outcomes.assertAllPassed(execute(selectClass(ClockShiftTestCase.class)), 6);
    }

    @Test
    void shiftsThatCannotBeMadeFailWhereTheyAreAsked() {
        Outcomes.assertAllPassed(execute(selectClass(ClockShiftBadInputTestCase.class)), 5);
    }
}

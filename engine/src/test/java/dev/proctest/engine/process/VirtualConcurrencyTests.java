package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.VirtualSchedulerLimitsTestCase;
import dev.proctest.engine.processfixtures.VirtualSchedulesTestCase;
import dev.proctest.engine.processfixtures.VirtualSynchronizersTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeoutsTestCase;
import org.junit.jupiter.api.Test;

/** On a virtual clock, java.util.concurrent timeouts and scheduled executors wait exactly their child time. */
class VirtualConcurrencyTests {

    @Test
    void queueAndFutureTimeoutsEndAtTheirDeadlineWithTheJdksTimeoutValueOrEarlierWithWhatArrived() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualTimeoutsTestCase.class)), 4);
    }

    @Test
    void synchronizerTimeoutsEndAtTheirDeadlineAndAnInterruptStillThrows() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualSynchronizersTestCase.class)), 5);
    }

    @Test
    void scheduledTasksRunAtExactlyTheirDeadlinesOfChildTime() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualSchedulesTestCase.class)), 8);
    }

    @Test
    void aTaskDueWhileItsPoolIsBusyStartsWhenAThreadIsFreeAndOwnSubclassesStayTheJdks() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualSchedulerLimitsTestCase.class)), 2);
    }
}

package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.LogDeliveryTestCase;
import dev.proctest.engine.processfixtures.RetainedLogsTestCase;
import org.junit.jupiter.api.Test;

/** Records reach the test in their place, before the messages that followed them, and never held back. */
class LogDeliveryTests {

    @Test
    void recordsAreDeliveredInPlaceAndInTime() {
        Outcomes.assertAllPassed(execute(selectClass(LogDeliveryTestCase.class)), 5);
    }

    @Test
    void aChildKeepsItsNewestRecordsInMemoryAndAllInItsFile() {
        Outcomes.assertAllPassed(engine(selectClass(RetainedLogsTestCase.class)).configurationParameter(Constants.LOGS_RETAINED, "5")
                .execute(), 1);
    }
}

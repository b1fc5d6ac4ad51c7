package dev.proctest.engine.logs;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.ConcurrentLoggingTestCase;
import org.junit.jupiter.api.Test;

/** Many threads logging at once, through every capture path, with real child JVMs and real logging frameworks. */
class ConcurrentLoggingTests {

    @Test
    void everyEventOfEightThreadsIsRecordedOnceInOrderAndInTimeOnEveryPath() {
        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(ConcurrentLoggingTestCase.class))
                .configurationParameter(Constants.LOGS_RETAINED, "1000000")
                .execute(), 8);
    }
}

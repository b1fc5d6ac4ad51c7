package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.CallRecorderTestCase;
import org.junit.jupiter.api.Test;

/** Calls made inside child JVMs on mocked and spied types reach the test, which verifies them with Mockito. */
class CallRecorderTests {

    @Test
    void callsInsideChildrenAreRecordedAndVerifiable() {
        Outcomes.assertAllPassed(execute(selectClass(CallRecorderTestCase.class)), 11);
    }
}

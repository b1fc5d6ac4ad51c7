package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.BusyDeadlinesTestCase;
import org.junit.jupiter.api.Test;

/** A big send and a crowd of grandchildren keep their waits' deadlines on a busy machine. */
class BusyDeadlinesTests {

    @Test
    void waitsKeepTheirDeadlinesOnABusyMachine() {
        Outcomes.assertAllPassed(execute(selectClass(BusyDeadlinesTestCase.class)), 2);
    }
}

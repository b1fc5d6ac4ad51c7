package dev.proctest.engine.sharedfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** Two tests that ask for a shared child that cannot start. */
public class BrokenBrokerTestCase {

    @ProcessTest
    void asks(Processes processes) {
        processes.shared(BrokenBroker.class);
    }

    @ProcessTest
    void asksToo(Processes processes) {
        processes.shared(BrokenBroker.class);
    }
}

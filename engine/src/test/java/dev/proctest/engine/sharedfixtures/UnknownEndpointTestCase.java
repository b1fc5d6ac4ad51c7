package dev.proctest.engine.sharedfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** Asks for a shared child that cannot be made, and for an endpoint a shared child's spec did not take. */
public class UnknownEndpointTestCase {

    @ProcessTest
    void asksForOneWithoutPlainConstructor(Processes processes) {
        processes.shared(NoPlainConstructor.class);
    }

    @ProcessTest
    void asksForAnEndpointItDidNotTake(Processes processes) {
        processes.shared(PongBroker.class).endpoint("admin");
    }
}

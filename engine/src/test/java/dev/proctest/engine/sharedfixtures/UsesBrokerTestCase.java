package dev.proctest.engine.sharedfixtures;

import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** A class whose test pings the shared pong broker. */
public class UsesBrokerTestCase {

    @ProcessTest
    void pings(Processes processes, Logs logs) throws Exception {
        BrokerUse.ping(processes, logs);
    }
}

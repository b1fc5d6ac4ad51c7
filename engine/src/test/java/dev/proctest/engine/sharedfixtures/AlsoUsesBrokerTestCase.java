package dev.proctest.engine.sharedfixtures;

import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;

/** Another class whose test pings the shared pong broker. */
public class AlsoUsesBrokerTestCase {

    @ProcessTest
    void pingsToo(Processes processes, Logs logs) throws Exception {
        BrokerUse.ping(processes, logs);
    }
}

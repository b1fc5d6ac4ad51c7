package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.SocketPairsTestCase;
import org.junit.jupiter.api.Test;

/** Test sockets talk in every pattern the articles use, to each other and to children, over TCP and IPC. */
class SocketPairsTests {

    @Test
    void everyPairTalksOverEveryTransport() {
        Outcomes.assertAllPassed(execute(selectClass(SocketPairsTestCase.class)), 12);
    }
}

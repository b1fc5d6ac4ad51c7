package dev.proctest.engine.links;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.LinkTestCase;
import dev.proctest.engine.socketfixtures.MeshTestCase;
import dev.proctest.engine.socketfixtures.ZmqLinkTestCase;
import org.junit.jupiter.api.Test;

/** Links in front of a real TCP server child: each fault, its heal with no byte lost, and bad input. */
class LinkTests {

    @Test
    void faultsOfALinkInFrontOfALineServer() {
        Outcomes.assertAllPassed(execute(selectClass(LinkTestCase.class)), 9);
    }

    @Test
    void aMeshBetweenThreeNodes() {
        Outcomes.assertAllPassed(execute(selectClass(MeshTestCase.class)), 3);
    }

    @Test
    void messageFaultsOfZeroMqLinks() {
        Outcomes.assertAllPassed(execute(selectClass(ZmqLinkTestCase.class)), 6);
    }
}

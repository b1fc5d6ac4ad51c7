package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.LineClientTestCase;
import org.junit.jupiter.api.Test;

/** Line clients talk to a real TCP server child: text, JSON, bytes, many lines, timeouts, closed connections, 10,000 clients. */
class LineClientTests {

    @Test
    void lineClientsAgainstARealServer() {
        Outcomes.assertAllPassed(execute(selectClass(LineClientTestCase.class)), 9);
    }
}

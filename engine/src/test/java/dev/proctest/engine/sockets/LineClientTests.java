package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.engine;
import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.LineClientTestCase;
import dev.proctest.engine.socketfixtures.ManyLineClientsTestCase;
import org.junit.jupiter.api.Test;

/** Line clients talk to a real TCP server child: text, JSON, bytes, many lines, timeouts, closed connections, 10,000 clients. */
class LineClientTests {

    @Test
    void lineClientsAgainstARealServer() {
        Outcomes.assertAllPassed(execute(selectClass(LineClientTestCase.class)), 8);
    }

    /**
     * With a socket timeout that outlasts one dropped connect: while the server is descheduled on a
     * loaded machine its accept queue fills, the kernel drops the next connect's SYN and sends it
     * again only after a second, which a 1 s connect timeout does not wait for.
     */
    @Test
    void tenThousandClientsAtOnce() {
        Outcomes.assertAllPassed(engine(selectClass(ManyLineClientsTestCase.class))
                .configurationParameter(Constants.SOCKET_TIMEOUT, "5s").execute(), 1);
    }
}

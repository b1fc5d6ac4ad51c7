package dev.proctest.engine.links;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.LinkReportTestCase;
import dev.proctest.engine.socketfixtures.LinkTestCase;
import dev.proctest.engine.socketfixtures.MeshTestCase;
import dev.proctest.engine.socketfixtures.ZmqLinkTestCase;
import java.util.Arrays;
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
        Outcomes.assertAllPassed(execute(selectClass(ZmqLinkTestCase.class)), 7);
    }

    @Test
    void aFailureReportSaysWhatTheLinksDidAndWhichFaultsWereInForce() {
        Throwable failure = Outcomes.failureOf(execute(selectClass(LinkReportTestCase.class)), "failsWhilePartitioned");
        String conversation = Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage)
                .filter(message -> message.startsWith("What the test's sockets and links did:")).findFirst().orElseThrow();
        assertThat(conversation).containsPattern("link 1 to tcp://127\\.0\\.0\\.1:\\d+ partitioned \\(upstream only\\)\n")
                .containsPattern("line#1 sent +\\[\"lost\\?\"\\]")
                .containsPattern("Faults in force:\n  link 1 to tcp://127\\.0\\.0\\.1:\\d+: upstream partitioned; downstream delayed by 20 ms;"
                        + " refusing new connections\nFull transcript: ");
    }
}

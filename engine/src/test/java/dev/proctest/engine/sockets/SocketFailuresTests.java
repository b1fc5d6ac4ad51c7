package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.TestSocketException;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.report.ConversationReport;
import dev.proctest.engine.socketfixtures.SocketFailuresTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A conversation that goes wrong fails its test with a message that names the socket and its
 * addresses, says what it waited for or why it cannot, shows the bytes, and ends with what the
 * children logged; the failure carries the transcript.
 */
class SocketFailuresTests {

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheFailingConversations() {
        results = execute(selectClass(SocketFailuresTestCase.class));
    }

    @Test
    void everyConversationFailsItsOwnTest() {
        results.testEvents().assertStatistics(stats -> stats.started(16).failed(16));
    }

    @Test
    void receiveTimeoutNamesTheSocketWhatItAwaitedAndTheChildrensLastLines() {
        Throwable failure = failure("replyNeverComes");
        assertThat(failure).isInstanceOf(TestSocketException.class)
                .hasMessageMatching("(?s)REQ#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+; 1 peer connected\\) received nothing within 300 ms; it waited for "
                        + "a message of one text frame\\. The conversation so far is in the test's transcript\\. The last 2 lines logged:\n"
                        + ".* Greeter INFO stdout \\[main\\] hello world\n.* Greeter WARN stderr \\[main\\] greeted 1\nFull log: .*Greeter\\.log");
        assertThat(conversation(failure)).matches("(?s)What the test's sockets and links did:\n  \\S+ REQ#1 sent     \\[\"anybody there\\?\"\\]\n"
                + "  \\S+ ROUTER#1 received \\[0x[0-9a-f]+, \"\", \"anybody there\\?\"\\]\nFull transcript: .*replyNeverComes/transcript\\.txt");
    }

    @Test
    void receiveTimeoutSaysWhenNoPeerEverConnected() {
        // Retries come every 50 ms; on a starved machine the first may not have come within the 300 ms.
        assertThat(failure("nobodyListens")).hasMessageMatching("DEALER#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+; no peer has connected"
                + "(: connecting was retried \\d+ times, is anything listening\\?)?\\) received nothing within 300 ms; it waited for a message of "
                + "one text frame\\. The conversation so far is in the test's transcript\\.");
    }

    @Test
    void sendsThatCannotHappenSayWhy() {
        assertThat(failure("sendWithoutPeer")).hasMessage("DEALER#1 (neither bound nor connected) could not send [\"into the void\"] "
                + "within 100 ms: it is neither bound nor connected.");
        assertThat(failure("sendOnClosedSocket")).hasMessageMatching("PUSH#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) cannot send "
                + "\\[\"too late\"\\]: it is closed");
        assertThat(failure("sendOnSub")).hasMessage("SUB#1 (neither bound nor connected) cannot send [\"subscribers only listen\"]: "
                + "a SUB socket only receives");
        assertThat(failure("requestTwice")).hasMessageEndingWith("cannot send [\"two\"]: a REQ socket must receive the reply before it "
                + "sends again (ZeroMQ's request-reply lockstep)");
    }

    @Test
    void receiveOnASendOnlySocketSaysSo() {
        assertThat(failure("receiveOnPub")).hasMessageMatching("PUB#1 \\(bound to tcp://127\\.0\\.0\\.1:\\d+\\) cannot receive a message of "
                + "one text frame: a PUB socket only sends");
    }

    @Test
    void badAddressesAreNamed() {
        assertThat(failure("malformedAddress")).hasMessage("REQ#1 (neither bound nor connected) cannot connect to [tcp://localhost]: "
                + "a ZeroMQ address looks like tcp://127.0.0.1:5555, ipc:///path or inproc://name");
        assertThat(failure("addressInUse")).hasMessageMatching("REP#2 \\(neither bound nor connected\\) cannot bind to "
                + "tcp://127\\.0\\.0\\.1:\\d+: the address is in use");
    }

    @Test
    void framesThatDoNotParseAreShownAsTextOrHex() {
        assertThat(failure("textThatIsNotJson")).hasMessageMatching("PULL#1 \\(bound to tcp://127\\.0\\.0\\.1:\\d+\\) received "
                + "\"\\{\\\\\"unfinished\\\\\": \", which does not read as JSON: Unexpected end-of-input.*");
        assertThat(failure("bytesThatAreNotJson")).hasMessageMatching("PULL#1 \\(bound to tcp://127\\.0\\.0\\.1:\\d+\\) received 0x00ff10, "
                + "which does not read as JSON: .*");
        assertThat(failure("multipartWhereOneFrameWasExpected")).hasMessageEndingWith("received a message of 2 frames, [\"id\", \"[1,2]\"], "
                + "where it expected one frame: receive it with receiveMultipart or receiveFrames");
    }

    @Test
    void unexpectedMessageIsShown() {
        assertThat(failure("somethingWhereNothingWasExpected")).hasMessageEndingWith("expected nothing for 2 s but received [\"surprise\"].");
    }

    @Test
    void anyFailureCarriesTheConversationAndItsFileIsPublished() throws Exception {
        Throwable failure = failure("assertionAfterConversation");
        assertThat(failure).hasMessageContaining("expected: \"pang\"");
        assertThat(conversation(failure)).contains("REQ#1 sent     [\"ping\"]", "REQ#1 received [\"pong\"]");
        List<String> published = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("proctest.transcript"))
                .filter(value -> value != null && value.contains("assertionAfterConversation")).toList();
        assertThat(published).hasSize(1);
        assertThat(Files.readAllLines(Path.of(published.get(0))))
                .satisfiesExactly(line -> assertThat(line).endsWith(" REQ#1 sent     [\"ping\"]"),
                        line -> assertThat(line).endsWith(" REQ#1 received [\"pong\"]"));
    }

    @Test
    void aTimeoutThatInterruptsAReceiveSaysWhatWasInterrupted() {
        assertThat(failure("receiveInterruptedByTimeout")).isInstanceOf(TimeoutException.class)
                .hasMessageEndingWith("timed out after 500 milliseconds").satisfies(timeout -> assertThat(timeout.getSuppressed())
                        .anySatisfy(interrupted -> assertThat(interrupted).hasMessageMatching("PULL#1 \\(bound to tcp://127\\.0\\.0\\.1:\\d+\\) "
                                + "cannot receive a message of one text frame: the thread was interrupted")));
        assertThat(failure("lineReceiveInterruptedByTimeout")).isInstanceOf(TimeoutException.class)
                .satisfies(timeout -> assertThat(timeout.getSuppressed()).anySatisfy(interrupted -> assertThat(interrupted)
                        .hasMessageMatching("line#1 \\(connected to tcp://127\\.0\\.0\\.1:\\d+\\) was interrupted while it waited for a line "
                                + "\\(by a @Timeout\\?\\), which closed its connection\\.")));
    }

    private static Throwable failure(String test) {
        return Outcomes.failureOf(results, test);
    }

    private static String conversation(Throwable failure) {
        return Arrays.stream(failure.getSuppressed()).filter(ConversationReport.class::isInstance).map(Throwable::getMessage)
                .findFirst().orElseThrow(() -> new AssertionError("no conversation attached to " + failure));
    }
}

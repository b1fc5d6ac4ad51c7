package dev.proctest.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The hub's port, open to every process of the machine, takes a storm of garbage from a process
 * outside the test JVM while the run's children work: the children's logs stay whole, their
 * answers right, the hub admits a child after it, and the test JVM says a bounded number of lines:
 * the first refusal of a few sources and the totals at the run's end.
 */
class HubHostileTests {

    private static final Pattern SUMMARY = Pattern.compile("proctest hub refused (\\d+) messages during the run from (.+?):"
            + " (\\d+) malformed, (\\d+) from peers it had not admitted, (\\d+) introductions");
    /** Per run: the refusals of the first ten sources, the line that says no more come, the totals, and a little room. */
    private static final int MOST_LINES = 20;

    @Test
    void theHubServesItsChildrenWhileAProcessOutsideTheTestJvmSendsItGarbage() {
        HubUnderFireTestCase.frames = Counts.of(10_000, 1_000_000);
        EngineExecutionResults results;
        List<String> records;
        long stderrLines;
        try (LogCount said = new LogCount()) {
            results = EngineTestKit.engine("proctest").selectors(selectClass(HubUnderFireTestCase.class)).execute();
            records = said.records();
            stderrLines = said.stderrLines();
        }

        results.testEvents().assertStatistics(stats -> stats.failed(0).succeeded(1));
        Map<String, Long> sent = counts(HubUnderFireTestCase.sent);
        List<String> summaries = records.stream().filter(record -> record.contains("proctest hub refused ")
                && record.contains("during the run")).toList();
        assertThat(summaries).as("the totals, once: %s", records).hasSize(1);
        Matcher summary = SUMMARY.matcher(summaries.get(0));
        assertThat(summary.find()).as(summaries.get(0)).isTrue();
        long refused = Long.parseLong(summary.group(1));
        // Every message the hub confirmed it read is counted; those under a live child's id are dropped unread by its socket;
        // raw bytes that do not start as a ZMTP 3 greeting are read as ZMTP 1.0, at least 2 bytes a message.
        assertThat(refused).as("refusals counted, of %s", sent).isBetween(sent.get("confirmed"),
                sent.get("messages") + sent.get("rawBytes") / 2);
        assertThat(records.size() + stderrLines).as("lines the test JVM said: %s", records).isLessThanOrEqualTo(MOST_LINES);

        Figures.record("hostile", "hub: " + sent.get("frames") + " frames (" + sent.get("messages") + " ZMTP messages, "
                + sent.get("oversized") + " oversized headers, " + sent.get("connections") + " connections) from another process in "
                + HubUnderFireTestCase.sendMillis + " ms; " + refused + " refusals counted from " + summary.group(2) + "; "
                + HubUnderFireTestCase.runs + " pairs of remote runs answered right meanwhile, " + HubUnderFireTestCase.logLines
                + " log lines of 2 children whole; the test JVM said " + (records.size() + stderrLines) + " lines");
    }

    private static Map<String, Long> counts(String line) {
        assertThat(line).startsWith("hostile-sender ");
        return Stream.of(line.substring("hostile-sender ".length()).split(" ")).map(pair -> pair.split("="))
                .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
    }
}

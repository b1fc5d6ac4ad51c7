package dev.proctest.samples.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.Constants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The report as a person sees it: three sample tests run through the JUnit Platform launcher, as
 * Maven and IDEs run them, the ping-pong process test, a test that fails on purpose, and a test
 * served by a shared child; then their report loaded in headless Chromium, checked for what it
 * shows, and photographed under {@code target/report-in-browser/}.
 */
class ReportInBrowserTests {

    private static final Path OUT = Path.of("target", "report-in-browser").toAbsolutePath();
    private static final Path REPORT = OUT.resolve("proctest");
    private static final String PING_PONG = "dev.proctest.samples.pingpong.PongProcTests#pong_answers_each_ping_with_its_number(dev.proctest.Processes)";
    private static final String FAILING = "dev.proctest.samples.diagnostics.FailureReportTests$StandbyTakeover";
    private static final String SHARED = "dev.proctest.samples.mq.SharedQueuePublishTests";

    @Test
    @Tag("process")
    void the_report_shows_the_five_exchanges_in_order_and_a_failed_tests_children() throws Exception {
        Chromium chromium = Chromium.find(freshDirectory().resolve("chromium-profile"));
        Path older = Files.createDirectories(REPORT.resolve("runs")).resolve("19700101-000000-1.js");
        Files.writeString(older, "(window.proctestRuns = window.proctestRuns || []).push({\"id\": \"older\", \"classes\": {}});\n");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(PING_PONG), selectClass(FAILING), selectClass(SHARED))
                .configurationParameter(Constants.REPORTS_DIR, REPORT.toString()).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(3, summary.getTestsStartedCount(), "tests started");
        assertEquals(1, summary.getTestsFailedCount(), "tests failed");

        Path index = REPORT.resolve("index.html");
        String indexDom = chromium.dom(index);
        List<Map<String, String>> rows = elements(indexDom, "tr", "test-row");
        assertEquals(List.of("failed", "passed", "passed"), rows.stream().map(row -> row.get("data-outcome")).toList(), "failures first");
        assertTrue(indexDom.contains("1 of the runs were written by another version of proctest and are not shown"),
                "a run of another shape, left from an older proctest, is named and skipped, and the rest is drawn");
        assertTrue(indexDom.contains("href=\"dev.proctest.samples.diagnostics.FailureReportTests$StandbyTakeover/standby_takes_over_the_port/report.html\""),
                "the failed test links its page");

        Path pingPong = REPORT.resolve("dev.proctest.samples.pingpong.PongProcTests/pong_answers_each_ping_with_its_number/report.html");
        String pingPongDom = chromium.dom(pingPong);
        for (String dom : List.of(pingPongDom, chromium.dom(REPORT.resolve(FAILING + "/standby_takes_over_the_port/report.html")))) {
            assertEquals(List.of("Timeline", "Messages", "Logs", "Calls recorded in children", "Files"), headings(dom),
                    "every section drawn: the script ran to its end");
        }
        List<Map<String, String>> messages = elements(pingPongDom, "g", "message");
        List<String> expected = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add((i + 1) + " REQ#1->pong [\"\\\"[\\\\\\\"ping\\\\\\\",%d]\\\"\"]".formatted(i));
            expected.add((i + 1) + " pong->REQ#1 [\"\\\"[\\\\\\\"pong\\\\\\\",%d]\\\"\"]".formatted(i));
        }
        messages.forEach(m -> shown.add(m.get("data-exchange") + " " + m.get("data-from") + "->" + m.get("data-to") + " " + m.get("data-frames")));
        assertEquals(expected, shown, "the sequence chart: five exchanges of REQ#1 with pong, in order");
        Map<String, String> pong = single(elements(pingPongDom, "g", "lane child-lane"));
        assertAll(() -> assertEquals("PongProc", pong.get("data-child")), () -> assertEquals("0", pong.get("data-exits")),
                () -> assertTrue(pong.get("data-states").matches("(starting )?running stopping"), pong::toString));

        Path failed = REPORT.resolve(FAILING + "/standby_takes_over_the_port/report.html");
        String failedDom = chromium.dom(failed);
        List<Map<String, String>> lanes = elements(failedDom, "g", "lane child-lane");
        assertEquals(List.of("primary", "standby"), lanes.stream().map(lane -> lane.get("data-child")).toList());
        assertAll("the failed test's children, as its timeline shows them",
                () -> assertTrue(lanes.get(0).get("data-states").matches("starting running stopping"), lanes.get(0)::toString),
                () -> assertTrue(lanes.get(0).get("data-exits").matches("\\d+"), lanes.get(0)::toString),
                () -> assertTrue(lanes.get(1).get("data-states").matches("starting running"), lanes.get(1)::toString),
                () -> assertEquals("1", lanes.get(1).get("data-exits")),
                () -> assertTrue(failedDom.contains(">exit 1</text>"), "the standby's exit code on its lane"),
                () -> assertTrue(Pattern.compile("<pre class=\"failure\" id=\"failure\">org.opentest4j.AssertionFailedError: the standby serves")
                        .matcher(failedDom).find(), "the failure"),
                () -> assertTrue(Pattern.compile("data-child=\"standby\" data-level=\"[A-Z]+\">.*?java.net.BindException", Pattern.DOTALL)
                        .matcher(failedDom).find(), "the standby's BindException among the log records"));

        String sharedDom = chromium.dom(REPORT.resolve(SHARED + "/a_message_sent_to_one_reaches_one_subscriber/report.html"));
        assertTrue(Pattern.compile("data-child=\"shared-queue\"[^>]*><text[^>]*>shared-queue \\(shared\\)</text>").matcher(sharedDom).find(),
                "the shared child's lane, labelled shared");
        assertTrue(sharedDom.contains("(log of shared-queue, shared by the run, pid "), "the shared child's log among the files");

        chromium.screenshot(index, OUT.resolve("index.png"), 1200, 500);
        chromium.screenshot(pingPong, OUT.resolve("ping-pong.png"), 1200, 1200);
        chromium.screenshot(failed, OUT.resolve("failed.png"), 1200, 1400);
    }

    private static Path freshDirectory() throws IOException {
        if (Files.exists(OUT)) {
            try (Stream<Path> files = Files.walk(OUT)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(OUT);
    }

    /** The attributes of each {@code <tag class="className" ...>} in {@code dom}, in document order, their entities decoded. */
    private static List<Map<String, String>> elements(String dom, String tag, String className) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher element = Pattern.compile("<" + tag + " class=\"" + Pattern.quote(className) + "\"([^>]*)>").matcher(dom);
        while (element.find()) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            Matcher attribute = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(element.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&"));
            }
            found.add(attributes);
        }
        return found;
    }

    private static List<String> headings(String dom) {
        List<String> headings = new ArrayList<>();
        Matcher heading = Pattern.compile("<h2>([^<]*)</h2>").matcher(dom);
        while (heading.find()) {
            headings.add(heading.group(1));
        }
        return headings;
    }

    private static Map<String, String> single(List<Map<String, String>> elements) {
        assertEquals(1, elements.size(), elements::toString);
        return elements.get(0);
    }
}

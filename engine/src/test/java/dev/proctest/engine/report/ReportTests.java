package dev.proctest.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.Constants;
import dev.proctest.engine.processfixtures.ReportedTestCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The report a run through the launcher writes, read back as the browser reads it: the index
 * with every test of every engine, each proctest test's page with the facts it shows, and the
 * lines the run ends with.
 */
class ReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASS = ReportedTestCase.class.getName();

    @TempDir
    static Path reports;
    private static String printed;

    @BeforeAll
    static void run() {
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ReportedTestCase.class))
                    .configurationParameter(Constants.REPORTS_DIR, reports.toString()).build());
        } finally {
            System.setOut(console);
        }
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunEndsWithOneLineThatCountsTestsAndChildrenAndGivesTheReportAfterTheChildrenOfEachClass() {
        assertThat(printed).containsPattern("proctest: the children of each test class, longest-lived first\n"
                + "  ReportedTestCase: 4 children in 2 tests \\(doomed, heating, pong\\), [0-9.]+ s alive\n"
                + "proctest: 3 tests \\(1 failed, 2 passed\\); 4 children started, 4 stopped; [0-9.]+ s; report "
                + Pattern.quote(reports.resolve("index.html").toUri().toString()) + "\n");
    }

    @Test
    void theIndexListsEveryTestOfEveryEngineWithItsOutcomeAndPage() throws IOException {
        assertThat(Files.readString(reports.resolve("index.html"))).contains("<script src=\"runs/", "<script src=\"proctest-report.js\">");
        assertThat(reports.resolve("proctest-report.js")).isRegularFile();
        assertThat(reports.resolve("proctest-report.css")).isRegularFile();
        List<JsonNode> runs = runs();
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.get("childrenStarted").asInt()).isEqualTo(4);
        List<String> tests = new ArrayList<>();
        run.get("tests").forEach(test -> tests.add(test.get("engine").asText() + " " + test.get("outcome").asText() + " "
                + test.get("path").get(test.get("path").size() - 1).asText() + " " + test.path("page").asText("-")));
        assertThat(tests).containsExactlyInAnyOrder(
                "proctest passed talksPausesRestartsAndKills(Processes, CallRecorder) " + CLASS + "/talksPausesRestartsAndKills/report.html",
                "proctest failed failsWithAChildUp(Processes) " + CLASS + "/failsWithAChildUp/report.html",
                "junit-jupiter passed unitTestsAreInTheReportToo() -");
    }

    @Test
    void aTestsPageShowsItsChildrensLivesMessagesRecordsAndCalls() throws IOException {
        JsonNode page = page("talksPausesRestartsAndKills");
        assertThat(page.at("/test/outcome").asText()).isEqualTo("passed");
        assertThat(page.at("/index").asText()).isEqualTo("../../index.html");
        List<String> lives = new ArrayList<>();
        page.get("children").forEach(child -> {
            List<String> events = new ArrayList<>();
            child.get("events").forEach(event -> events.add(event.get("what").asText()));
            lives.add(child.get("name").asText() + " " + child.get("exit").asText() + ": " + String.join(" ", events));
        });
        assertThat(lives).hasSize(3);
        assertThat(lives.get(0)).matches("pong \\d+: started ready paused resumed stopping (exited stopped|stopped exited)");
        assertThat(lives.get(1)).matches("pong \\d+: started ready stopping (exited stopped|stopped exited)");
        assertThat(lives.get(2)).isEqualTo("heating 137: started ready killed exited");
        assertThat(page.get("children").get(0).get("log").asText()).isEqualTo("pong.log");

        List<String> messages = new ArrayList<>();
        page.at("/messages/shown").forEach(message -> messages.add(message.get("party").asText() + " " + message.get("action").asText() + " "
                + message.get("frames")));
        assertThat(messages).filteredOn(message -> message.startsWith("REQ#1 ")).containsExactly("REQ#1 sent [\"\\\"ping\\\"\"]",
                "REQ#1 received [\"\\\"pong\\\"\"]", "REQ#1 sent [\"\\\"ping\\\"\"]", "REQ#1 received [\"\\\"pong\\\"\"]");
        String link = page.at("/messages/peers/REQ#1/0").asText();
        assertThat(page.at("/messages/peers/REQ#1")).as("the socket's peer: the link, by its name").hasSize(1);
        assertThat(link).matches("link 1 to tcp://127\\.0\\.0\\.1:\\d+");
        assertThat(messages).as("what the link did, in its own column").anyMatch(message -> message.startsWith(link + " "));
        assertThat(page.get("faults").toString()).startsWith("[\"link 1 to tcp://127.0.0.1:").contains("delay");

        List<String> records = new ArrayList<>();
        page.at("/records/shown").forEach(record -> records.add(record.get("child").asText() + ": " + record.get("message").asText()));
        assertThat(records).contains("heating: relay boiler wired");
        List<String> calls = new ArrayList<>();
        page.get("calls").forEach(call -> calls.add(call.get("child").asText() + ": " + call.get("call").asText()));
        assertThat(calls).anyMatch(call -> call.startsWith("heating: new Relay(boiler)"));
        assertThat(page.get("files").toString()).isEqualTo("[\"transcript.txt\"]");
    }

    @Test
    void aFailedTestsPageShowsItsFailureAndTheChildThatWasUp() throws IOException {
        JsonNode page = page("failsWithAChildUp");
        assertThat(page.at("/test/outcome").asText()).isEqualTo("failed");
        assertThat(page.at("/test/failure").asText()).startsWith("java.lang.AssertionError: fails on purpose")
                .contains("Suppressed: dev.proctest.engine.report.PageReport: The test's report", "failsWithAChildUp/report.html");
        assertThat(page.at("/children/0/name").asText()).isEqualTo("doomed");
        assertThat(page.at("/children/0/events").toString()).contains("\"started\"", "\"ready\"", "\"stopping\"", "\"exited\"");
    }

    private static JsonNode page(String test) throws IOException {
        String html = Files.readString(reports.resolve(CLASS).resolve(test).resolve("report.html"), StandardCharsets.UTF_8);
        Matcher facts = Pattern.compile("<script type=\"application/json\" id=\"proctest-facts\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(facts.find()).as("the page's facts").isTrue();
        return JSON.readTree(facts.group(1));
    }

    /** The runs the index names, as their scripts give them to it. */
    static List<JsonNode> runs(Path root) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("runs"))) {
            for (Path file : files.sorted().toList()) {
                String script = Files.readString(file, StandardCharsets.UTF_8);
                String prefix = "(window.proctestRuns = window.proctestRuns || []).push(";
                assertThat(script).startsWith(prefix).endsWith(");\n");
                runs.add(JSON.readTree(script.substring(prefix.length(), script.length() - 3)));
            }
        }
        return runs;
    }

    private static List<JsonNode> runs() throws IOException {
        return runs(reports);
    }
}

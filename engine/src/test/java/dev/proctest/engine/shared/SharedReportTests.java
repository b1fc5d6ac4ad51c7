package dev.proctest.engine.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.Constants;
import dev.proctest.engine.sharedfixtures.AlsoUsesBrokerTestCase;
import dev.proctest.engine.sharedfixtures.BrokerUse;
import dev.proctest.engine.sharedfixtures.PongBroker;
import dev.proctest.engine.sharedfixtures.UsesBrokerTestCase;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The report of a run whose two classes share one child: on each test's page, counted once by the run. */
class SharedReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path reports;
    private static String printed;

    @BeforeAll
    static void run() {
        PongBroker.starts = reports.resolve("starts.txt");
        BrokerUse.together = null;
        PrintStream console = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(UsesBrokerTestCase.class), selectClass(AlsoUsesBrokerTestCase.class))
                    .configurationParameter(Constants.REPORTS_DIR, reports.toString()).build());
        } finally {
            System.setOut(console);
        }
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunCountsTheSharedChildOnceAndNoClassCountsItAsItsOwn() {
        assertThat(printed).containsPattern("(?m)^proctest: 2 tests \\(2 passed\\); 1 child started, 1 stopped; ")
                .doesNotContain("the children of each test class");
    }

    @Test
    void eachTestsPageShowsTheSharedChildMarkedSharedWithItsLogInTheRunsDirectory() throws IOException {
        for (Path page : List.of(reports.resolve(UsesBrokerTestCase.class.getName()).resolve("pings"),
                reports.resolve(AlsoUsesBrokerTestCase.class.getName()).resolve("pingsToo"))) {
            JsonNode facts = facts(page.resolve("report.html"));
            assertThat(facts.get("children")).hasSize(1);
            JsonNode child = facts.get("children").get(0);
            List<String> events = new ArrayList<>();
            child.get("events").forEach(event -> events.add(event.get("what").asText()));
            assertThat(child.get("name").asText() + " shared=" + child.get("shared").asBoolean() + " " + events + " exit=" + child.get("exit"))
                    .isEqualTo("pong-broker shared=true [started, ready] exit=null");
            assertThat(child.get("log").asText()).isEqualTo("../../shared/" + PongBroker.class.getName() + "/pong-broker.log");
            List<String> records = new ArrayList<>();
            facts.at("/records/shown").forEach(record -> records.add(record.get("child").asText() + ": " + record.get("message").asText()));
            assertThat(records).anyMatch(record -> record.startsWith("pong-broker: serving on tcp://127.0.0.1:"));
        }
    }

    private static JsonNode facts(Path page) throws IOException {
        Matcher facts = Pattern.compile("<script type=\"application/json\" id=\"proctest-facts\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(page, StandardCharsets.UTF_8));
        assertThat(facts.find()).as("the page's facts").isTrue();
        return JSON.readTree(facts.group(1));
    }
}

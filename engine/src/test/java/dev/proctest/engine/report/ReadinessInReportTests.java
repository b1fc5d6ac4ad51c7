package dev.proctest.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctest.Constants;
import dev.proctest.engine.processfixtures.ReadinessReportedTestCase;
import java.io.IOException;
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

/**
 * A page says ready only of a child that was found ready: one the test never awaited has no
 * {@code ready} event, and one that missed its readiness has {@code not ready} with the reason,
 * before it was killed.
 */
class ReadinessInReportTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path reports;

    @BeforeAll
    static void run() {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ReadinessReportedTestCase.class))
                .configurationParameter(Constants.REPORTS_DIR, reports.toString()).build());
    }

    @Test
    void aChildTheTestNeverAwaitedIsNeverSaidToBeReady() throws IOException {
        assertThat(events("startsAChildItNeverAwaits")).matches("unawaited: started stopping (exited stopped|stopped exited)");
    }

    @Test
    void aChildThatMissedItsReadinessIsSaidNotReadyWithTheReasonBeforeItsKill() throws IOException {
        JsonNode page = page("spawnsAChildThatIsNeverReady");
        assertThat(page.at("/test/outcome").asText()).isEqualTo("failed");
        assertThat(events("spawnsAChildThatIsNeverReady")).matches("never: started not ready stopping (killed exited|exited killed)");
        List<String> notReady = new ArrayList<>();
        page.at("/children/0/events").forEach(event -> {
            if (event.get("what").asText().equals("not ready")) {
                notReady.add(event.get("detail").asText());
            }
        });
        assertThat(notReady).singleElement().asString().contains("was not ready within 500 ms", "a line it never logs");
    }

    private static String events(String test) throws IOException {
        JsonNode child = page(test).at("/children/0");
        List<String> events = new ArrayList<>();
        child.get("events").forEach(event -> events.add(event.get("what").asText()));
        return child.get("name").asText() + ": " + String.join(" ", events);
    }

    private static JsonNode page(String test) throws IOException {
        Path file = reports.resolve(ReadinessReportedTestCase.class.getName()).resolve(test).resolve("report.html");
        Matcher facts = Pattern.compile("<script type=\"application/json\" id=\"proctest-facts\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(facts.find()).as("the page's facts").isTrue();
        return JSON.readTree(facts.group(1));
    }
}

package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.LogCaptureTestCase;
import dev.proctest.engine.processfixtures.VirtualTimeLogsTestCase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every capture path, with real child JVMs and real logging frameworks. */
class LogCaptureTests {

    @Test
    void everyCapturePathTurnsWhatTheChildLoggedIntoRecords() {
        Outcomes.assertAllPassed(execute(selectClass(LogCaptureTestCase.class)), 9);
    }

    @Test
    void theRecordsOfAChildOnAVirtualClockCarryItsVirtualTimeWhicheverWayTheyWereWritten() {
        Outcomes.assertAllPassed(execute(selectClass(VirtualTimeLogsTestCase.class)), 1);
    }

    @Test
    void everyChildsLogFileIsPublishedWithTheTest() {
        EngineExecutionResults results = execute(selectMethod(LogCaptureTestCase.class, "julEventsBecomeRecordsOnce",
                "dev.proctest.Processes"));

        assertThat(results.allEvents().reportingEntryPublished().stream().map(event -> event.getRequiredPayload(ReportEntry.class))
                .map(ReportEntry::getKeyValuePairs).filter(entry -> entry.containsKey("proctest.log.jul")))
                .singleElement().extracting(Map::values).asString().endsWith("julEventsBecomeRecordsOnce/jul.log]");
        assertThat(results.allEvents().fileEntryPublished().count()).isEqualTo(1);
    }
}

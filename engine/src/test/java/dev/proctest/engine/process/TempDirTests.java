package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.TempDirTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @TempDir} on process tests: made per declaration, deleted once the scope's children are stopped, as its cleanup says. */
class TempDirTests {

    @Test
    void temporaryDirectoriesOutliveTheChildrenThatUseThemAndGoAsTheirCleanupSays() throws IOException {
        TempDirTestCase.MADE.clear();
        EngineExecutionResults results = ProcTestKit.execute(selectClass(TempDirTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertThat(TempDirTestCase.MADE.get("class")).allSatisfy(directory -> assertThat(directory).doesNotExist());
        Path data = TempDirTestCase.MADE.get("written").get(0);
        Path kept = TempDirTestCase.MADE.get("written").get(3);
        assertThat(TempDirTestCase.MADE.get("written").subList(0, 3)).allSatisfy(directory -> assertThat(directory).doesNotExist());
        assertThat(data).as("deleted after its child wrote to it as it stopped: deleted before, the child would have made it again")
                .doesNotExist();
        assertThat(kept.resolve("stopped")).as("NEVER: kept, with what its child wrote when it was stopped").hasContent("node2 stopped");
        assertThat(TempDirTestCase.MADE.get("failed").get(0).resolve("state")).as("ON_SUCCESS of a failed test").hasContent("what went wrong");
        assertThat(TempDirTestCase.MADE.get("passed").get(0)).as("ON_SUCCESS of a passed test").doesNotExist();
        Files.delete(kept.resolve("stopped"));
        Files.delete(kept);
        Files.delete(TempDirTestCase.MADE.get("failed").get(0).resolve("state"));
        Files.delete(TempDirTestCase.MADE.get("failed").get(0));
    }
}

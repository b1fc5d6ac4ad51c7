package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.LogsThenSignals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Run with {@code proctest.logs.retained=5}: the test reads the newest five records, the file has them all. */
public class RetainedLogsTestCase {

    @ProcessTest
    void onlyTheNewestRecordsStayInMemory(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(LogsThenSignals.class).args("20").name("chatty")
                .readyWhen(Ready.whenSignalled()));
        child.published("count"); // everything the child logs comes before

        assertThat(child.logs().records()).extracting(LogRecord::sequence, LogRecord::message).containsExactly(
                tuple(19L, "line 19"),
                tuple(20L, "line 20"),
                tuple(21L, "before ready"),
                tuple(22L, "after ready"),
                tuple(23L, "before publish"));
        child.kill();
        child.awaitExit(Duration.ofSeconds(5)); // and its log complete
        assertThat(Files.readAllLines(Path.of("target/proctest", RetainedLogsTestCase.class.getName(), "onlyTheNewestRecordsStayInMemory",
                "chatty.log"))).filteredOn(line -> line.contains(" chatty ") && !line.contains(" proctest ")).hasSize(23);
    }
}

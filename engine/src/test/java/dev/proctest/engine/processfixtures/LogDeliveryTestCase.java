package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Flood;
import dev.proctest.engine.children.Hello;
import dev.proctest.engine.children.LogsThenSignals;
import dev.proctest.engine.children.QuietWithGrandchild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** When records become visible to the test: in their place, before what followed them, and never held back. */
public class LogDeliveryTestCase {

    @ProcessTest
    void recordsLoggedBeforeReadyOrPublishAreThereOnceTheTestSeesIt(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(LogsThenSignals.class).args("500").readyWhen(Ready.whenSignalled()));

        List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 500).mapToObj(i -> "line " + i).toList());
        expected.add("before ready");
        assertThat(messages(child)).startsWith(expected.toArray(String[]::new));

        assertThat(child.published("count", Integer.class)).isEqualTo(500);
        expected.add("after ready");
        expected.add("before publish");
        assertThat(messages(child)).isEqualTo(expected);
    }

    @ProcessTest
    void aGrandchildsLineIsSeenWhileTheChildItselfLogsNothing(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(QuietWithGrandchild.class)
                .readyWhen(Ready.whenLogged("grandchild is listening").within(Duration.ofSeconds(20))));

        assertThat(child.logs().records()).extracting(LogRecord::logger, LogRecord::thread, LogRecord::message)
                .containsExactly(tuple("stdout", "", "grandchild is listening"));
    }

    @ProcessTest
    void aChildThatLogsItsReadyLineAndExitsAtOnceWasReady(Processes processes) {
        for (int i = 0; i < 3; i++) {
            ChildProcess child = processes.spawn(JavaChild.main(Hello.class).name("hello-" + i).readyWhen(Ready.whenLogged("^hello$"))
                    .mayExit());
            assertThat(child.logs().records()).extracting(LogRecord::message).contains("hello");
        }
    }

    @ProcessTest
    void awaitingAChildThatHasEndedFailsAtOnceSayingSo(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Hello.class).readyWhen(Ready.afterExit()));

        assertThatThrownBy(() -> child.logs().within(Duration.ofSeconds(30)).await("goodbye"))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("No record of child 'Hello' was a record whose message matches /goodbye/: the child has ended "
                        + "(exit code 0) and its log is complete. The last line logged:\n")
                .hasMessageContaining(" Hello INFO stdout [main] hello\n")
                .hasMessageContaining("Full log: ");
    }

    /** Under load the log asks the child about lines often; an event between its handlers must make it wait. */
    @ProcessTest
    void consoleLinesOfManyEventsAreNeverTakenForLinesOfTheirOwn(Processes processes) {
        int events = 20_000;
        ChildProcess child = processes.spawn(JavaChild.main(Flood.class).args(String.valueOf(events), "jul-console", "return")
                .readyWhen(Ready.afterExit().within(Duration.ofMinutes(1))));

        List<LogRecord> records = child.logs().records();
        assertThat(records).filteredOn(record -> record.logger().equals("flood")).extracting(LogRecord::message)
                .isEqualTo(IntStream.rangeClosed(1, events).mapToObj(i -> "record " + i).toList());
        assertThat(records).filteredOn(record -> record.logger().equals("stderr")).extracting(LogRecord::message)
                .as("console lines recorded as lines of their own").filteredOn(message -> message.contains("record")).isEmpty();
    }

    private static List<String> messages(ChildProcess child) {
        return child.logs().records().stream().map(LogRecord::message).toList();
    }
}

package dev.proctest.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.LogRecord;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.BatchWriter;
import dev.proctest.wire.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the records a runtime reports meet the lines its pipes deliver, on a clock the test moves. */
class ChildLogTests {

    private final AtomicLong now = new AtomicLong();

    @Test
    void recordsWaitForTheirLinesWhileALaggingPipeStillDelivers(@TempDir Path directory) {
        ChildLog log = new ChildLog("busy", directory.resolve("busy.log"), 100, false, new Changes(), now::get);
        List<Long> questions = new ArrayList<>();
        log.syncWith(questions::add); // the runtime answers at once that it reported every line it wrote
        log.reported(batch("one", "two", "three"));

        for (String line : new String[] {"one", "two", "three"}) { // each line 1.5 s after the last: the reader lags, but reads
            advance(1_500);
            log.tick();
            log.piped(false, List.of(line));
            questions.forEach(log::synced);
            questions.clear();
        }

        assertThat(log.retained().all()).extracting(LogRecord::message).containsExactly("one", "two", "three");
    }

    @Test
    void recordWhoseLineNeverComesIsReleasedOnceThePipesAreQuiet(@TempDir Path directory) {
        ChildLog log = new ChildLog("quiet", directory.resolve("quiet.log"), 100, false, new Changes(), now::get);
        log.reported(batch("lost", "kept"));
        log.piped(false, List.of("unrelated")); // not the next reported line: an extra, in the log at once

        advance(1_900);
        log.tick();
        assertThat(log.retained().all()).as("within the hold").extracting(LogRecord::message).containsExactly("unrelated");

        advance(200);
        log.tick();
        assertThat(log.retained().all()).extracting(LogRecord::message).containsExactly("unrelated", "lost", "kept");
    }

    @Test
    void aKilledChildsLogCompletesOnceItsConnectionHasClosed(@TempDir Path directory) {
        ChildLog log = new ChildLog("killed", directory.resolve("killed.log"), 100, false, new Changes(), now::get);
        log.connection(true);
        log.reported(batch("last words"));
        log.piped(false, List.of("last words"));
        log.exited(137);
        log.pipeClosed();
        log.pipeClosed();
        assertThat(log.isComplete()).as("no END comes from a killed child, and its connection is still open").isFalse();

        log.connection(false); // the hub: its connection closed, after all it sent

        assertThat(log.isComplete()).as("at once, the clock unmoved").isTrue();
        assertThat(log.retained().all()).extracting(LogRecord::message).contains("last words");
    }

    @Test
    void aConnectionThatClosedAndCameBackLeavesTheLogWaitingForItsRecords(@TempDir Path directory) {
        ChildLog log = new ChildLog("blip", directory.resolve("blip.log"), 100, false, new Changes(), now::get);
        log.connection(true);
        log.connection(false); // a dropped connection, while the child lives on
        log.reported(batch("after the reconnection")); // the child reconnected and logs on
        log.exited(137);
        log.pipeClosed();
        log.pipeClosed();
        log.tick();
        assertThat(log.isComplete()).as("records came after the close: it is not the last word").isFalse();

        advance(600);
        log.tick();
        assertThat(log.isComplete()).as("after the wait for a child killed without a closed connection").isTrue();
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static byte[] batch(String... lines) {
        RecordCodec codec = new RecordCodec();
        BatchWriter out = new BatchWriter();
        long sequence = 0;
        for (String line : lines) {
            byte[] text = line.getBytes(StandardCharsets.UTF_8);
            codec.encodeLine(out, ++sequence, sequence * 1_000_000, false, "main", sequence - 1, text, 0, text.length);
        }
        return out.take();
    }
}

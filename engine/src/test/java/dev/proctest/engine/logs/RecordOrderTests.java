package dev.proctest.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.WireRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of a child's records when its reports and its pipes' lines race: each line is in the
 * log once, in place, whichever comes first; a report late for its line costs that line alone.
 */
class RecordOrderTests {

    private final RecordOrder order = new RecordOrder();
    private final List<Long> questions = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final RecordOrder.Sink sink = new RecordOrder.Sink(record -> log.add("event " + record.message()),
            (stderr, line) -> log.add("extra " + line.text()));
    private long now = 1_000_000_000L;

    RecordOrderTests() {
        order.syncWith(questions::add);
    }

    @Test
    void linesAndTheirEventsMatchWhicheverComesFirst() {
        piped("line 0");
        report(event(0));
        report(event(1));
        piped("line 1");

        assertThat(log).containsExactly("event 0", "event 1");
    }

    @Test
    void aLineOfNoEventIsAnExtraInItsPlace() {
        report(event(0));
        piped("line 0");
        piped("from a grandchild");
        answerTheQuestion();
        report(event(1));
        piped("line 1");

        assertThat(log).containsExactly("event 0", "extra from a grandchild", "event 1");
    }

    /** The runtime answered before the report of a line it had written: that line alone is in twice. */
    @Test
    void aReportThatComesAfterItsLineWasJudgedAnExtraLeavesTheLinesAfterItMatched() {
        piped("line 0");
        answerTheQuestion();
        assertThat(log).containsExactly("extra line 0");

        report(event(0));
        report(event(1));
        piped("line 1");
        report(event(2));
        piped("line 2");

        assertThat(log).containsExactly("extra line 0", "event 0", "event 1", "event 2");
    }

    @Test
    void aReportForALineTheMatchingPassedIsReleasedAtOnce() {
        report(event(1));
        piped("line 0");
        piped("line 1");
        answerTheQuestion(); // asked about line 0 only: an extra
        answerTheQuestion(); // line 1 matches event 1, past the gap
        assertThat(log).containsExactly("extra line 0", "event 1");

        report(event(0));
        report(event(2));
        piped("line 2");

        assertThat(log).as("not held until the pipes are quiet").containsExactly("extra line 0", "event 1", "event 0", "event 2");
    }

    private void answerTheQuestion() {
        assertThat(questions).as("the log asked the runtime about the waiting lines").isNotEmpty();
        assertThat(order.synced(questions.get(questions.size() - 1))).isTrue();
        process();
    }

    private void report(WireRecord record) {
        order.reported(List.of(record), now += 1_000_000);
        process();
    }

    private void piped(String line) {
        order.piped(false, line, Instant.EPOCH, now += 1_000_000);
        process();
    }

    private void process() {
        order.process(false, now, sink);
    }

    /** Event {@code n}, logged with the console line {@code line n}, numbered n on stdout. */
    private static WireRecord event(int n) {
        return new WireRecord(n, 0, WireRecord.Kind.EVENT, WireRecord.LEVEL_INFO, "logger", "main", String.valueOf(n), null, null,
                null, -1, List.of(new WireRecord.Echo(false, n, "line " + n)));
    }
}

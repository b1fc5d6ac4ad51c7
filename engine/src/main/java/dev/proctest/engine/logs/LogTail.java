package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apiguardian.api.API;

/** The last lines some children logged, interleaved by time, and where their full logs are: the end of a failure message. */
@API(status = INTERNAL, since = "0.1")
public final class LogTail {

    private LogTail() {}

    /** Returns the last {@code count} lines of {@code logs} and their files, as a message ends; empty if there are no logs. */
    public static String of(List<ChildLog> logs, int count) {
        if (logs.isEmpty()) {
            return "";
        }
        List<LogRecord> merged = mergeByTime(logs.stream().map(log -> log.retained().last(count)).toList());
        List<LogRecord> last = merged.subList(Math.max(0, merged.size() - count), merged.size());
        StringBuilder text = new StringBuilder(last.isEmpty() ? " Nothing was logged." : " The last "
                + (last.size() == 1 ? "line" : last.size() + " lines") + " logged:");
        last.forEach(record -> text.append("\n  ").append(record.line()));
        logs.forEach(log -> text.append(log.clockNote().line(log.child())));
        logs.forEach(log -> text.append("\nFull log: ").append(log.file()));
        return text.toString();
    }

    /** Interleaves the children's records by time, keeping each child's own order. */
    static List<LogRecord> mergeByTime(List<List<LogRecord>> perChild) {
        record Cursor(List<LogRecord> records, int index) {
            LogRecord head() {
                return records.get(index);
            }
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Comparator.comparing((Cursor cursor) -> cursor.head().time()));
        perChild.stream().filter(records -> !records.isEmpty()).forEach(records -> heads.add(new Cursor(records, 0)));
        List<LogRecord> merged = new ArrayList<>();
        while (!heads.isEmpty()) {
            Cursor cursor = heads.poll();
            merged.add(cursor.head());
            if (cursor.index() + 1 < cursor.records().size()) {
                heads.add(new Cursor(cursor.records(), cursor.index() + 1));
            }
        }
        return merged;
    }
}

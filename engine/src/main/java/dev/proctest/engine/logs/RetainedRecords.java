package dev.proctest.engine.logs;

import dev.proctest.LogRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The newest records of a child's log, kept in memory for the test to read and await. Not thread-safe. */
final class RetainedRecords {

    private final Deque<LogRecord> records = new ArrayDeque<>();
    private final int retain;

    RetainedRecords(int retain) {
        this.retain = Math.max(retain, 1);
    }

    void add(LogRecord record) {
        records.addLast(record);
        if (records.size() > retain) {
            records.removeFirst();
        }
    }

    /** Returns the records in memory, oldest first. */
    List<LogRecord> all() {
        return new ArrayList<>(records);
    }

    /** Returns the records in memory after the one numbered {@code sequence}, oldest first. */
    List<LogRecord> after(long sequence) {
        List<LogRecord> newer = new ArrayList<>();
        for (Iterator<LogRecord> newestFirst = records.descendingIterator(); newestFirst.hasNext(); ) {
            LogRecord record = newestFirst.next();
            if (record.sequence() <= sequence) {
                break;
            }
            newer.add(record);
        }
        Collections.reverse(newer);
        return newer;
    }

    /** Returns the last {@code count} records in memory, oldest first. */
    List<LogRecord> last(int count) {
        List<LogRecord> last = new ArrayList<>();
        for (Iterator<LogRecord> newestFirst = records.descendingIterator(); newestFirst.hasNext() && last.size() < count; ) {
            last.add(newestFirst.next());
        }
        Collections.reverse(last);
        return last;
    }
}

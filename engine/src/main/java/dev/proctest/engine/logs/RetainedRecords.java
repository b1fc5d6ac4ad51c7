package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The newest records of a child's log, kept in memory for the test to read and await: a ring of at
 * most {@code retain} records, grown as records come. Records are numbered 1, 2, 3... in the order
 * they are added, so record {@code n} is at place {@code (n - 1) % capacity}. One thread adds (its
 * log's, under its lock); any thread reads without a lock, so that a test scanning a long log never
 * holds up the child's records.
 */
@API(status = INTERNAL, since = "0.1")
public final class RetainedRecords {

    private static final int FIRST_CAPACITY = 1024;

    private final int retain;
    private final long base;
    private volatile LogRecord[] ring;
    /** How many records were added: published after the record itself, so a reader that sees it sees them. */
    private volatile long added;

    /** @param base the number of the record before the first: 0, or the last of a restarted child's earlier incarnation */
    RetainedRecords(int retain, long base) {
        this.retain = Math.max(retain, 1);
        this.base = base;
        this.ring = new LogRecord[Math.min(this.retain, FIRST_CAPACITY)];
    }

    /** Adds the record numbered next: {@code added() + 1}. */
    void add(LogRecord record) {
        LogRecord[] current = ring;
        long count = added;
        if (count == current.length && current.length < retain) {
            LogRecord[] grown = new LogRecord[(int) Math.min(retain, current.length * 2L)];
            System.arraycopy(current, 0, grown, 0, current.length); // not yet wrapped: record n at n - 1
            ring = grown;
            current = grown;
        }
        current[(int) (count % current.length)] = record;
        added = count + 1;
    }

    /**
     * Gives {@code visitor} each record in memory numbered after {@code sequence}, oldest first, until
     * it returns false.
     *
     * @return the number of the last record visited, or {@code sequence} if none was
     */
    public long scan(long sequence, Predicate<LogRecord> visitor) {
        long count = added;
        LogRecord[] current = ring;
        long last = sequence;
        for (long n = Math.max(Math.max(sequence, base), base + count - current.length) + 1; n <= base + count; n++) {
            LogRecord record = current[(int) ((n - base - 1) % current.length)];
            if (record == null || record.sequence() != n) {
                continue; // overwritten by a newer record while this scan read: it is no longer retained
            }
            last = n;
            if (!visitor.test(record)) {
                break;
            }
        }
        return last;
    }

    /** Returns the number of the last record added, 0 before the first. */
    public long lastNumber() {
        return base + added;
    }

    /** Returns the records in memory, oldest first. */
    public List<LogRecord> all() {
        return after(0);
    }

    /** Returns the records in memory after the one numbered {@code sequence}, oldest first. */
    public List<LogRecord> after(long sequence) {
        List<LogRecord> newer = new ArrayList<>();
        scan(sequence, newer::add);
        return newer;
    }

    /** Returns the last {@code count} records in memory, oldest first. */
    public List<LogRecord> last(int count) {
        return after(Math.max(base, base + added - count));
    }
}

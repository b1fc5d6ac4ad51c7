package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.WireRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One child's log as the test sees it: the records its runtime sent and the lines of its pipes,
 * put in the order the child wrote them ({@link RecordOrder}), numbered, written to its log file
 * and kept in memory ({@link RetainedRecords}) for the test to read and await; or, for a program
 * without the runtime, a record for every line of its output. Complete once nothing more will come
 * ({@link LogCompletion}); records that arrive after that are ignored, as their lines were taken
 * from the pipes. Every change signals the child's {@link Changes}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildLog implements AutoCloseable {

    private final String child;
    private final LogFile file;
    private final RetainedRecords records;
    private final boolean hubless;
    private final Changes changes;
    private final LongSupplier clock;
    private final RecordCodec codec = new RecordCodec();
    private final RecordOrder order = new RecordOrder();
    private final RecordMaker maker;
    private final LogCompletion completion;
    private final List<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private final RecordOrder.Sink sink = new RecordOrder.Sink() {
        @Override
        public void record(WireRecord record) {
            append(maker.reported(record));
        }

        @Override
        public void extra(boolean fromStderr, PipeMatcher.PipedLine line) {
            append(maker.line(fromStderr, line));
        }
    };

    /**
     * @param hubless whether the child has no proctest runtime to report its records: every line
     *     of its output is then a record
     * @param changes the child's, signalled as records come and when the log completes
     */
    public ChildLog(String child, Path file, int retain, boolean hubless, Changes changes) {
        this(child, file, retain, hubless, changes, System::nanoTime);
    }

    /** @param clock the time in nanoseconds, as {@link System#nanoTime()} gives it */
    ChildLog(String child, Path file, int retain, boolean hubless, Changes changes, LongSupplier clock) {
        this.child = child;
        this.maker = new RecordMaker(child);
        this.file = new LogFile(file);
        this.records = new RetainedRecords(retain);
        this.hubless = hubless;
        this.changes = changes;
        this.clock = clock;
        this.completion = new LogCompletion(hubless, clock.getAsLong());
    }

    public String child() {
        return child;
    }

    public Path file() {
        return file.path();
    }

    /** Calls {@code listener} with every record from now on, on the thread that delivers it. */
    public void onRecord(Consumer<LogRecord> listener) {
        listeners.add(listener);
    }

    /**
     * Gives the log the way to ask the child's runtime whether lines read from the pipes with no
     * record yet will get one: {@code requester} sends the question's number; the answer comes to
     * {@link #synced(long)}.
     */
    public synchronized void syncWith(LongConsumer requester) {
        order.syncWith(requester);
    }

    /** Takes a batch the child's runtime sent: records, and the lines they account for on the pipes. */
    public void reported(byte[] batch) {
        List<WireRecord> decoded = codec.decode(batch);
        synchronized (this) {
            if (completion.isComplete()) {
                return; // too late: the lines of these records were taken from the pipes
            }
            long now = clock.getAsLong();
            completion.news(now);
            order.reported(decoded, now);
            process();
        }
        changes.signal();
    }

    /** Takes a line read from the child's stdout or stderr. */
    public void piped(boolean fromStderr, String line) {
        piped(fromStderr, List.of(line));
    }

    /** Takes lines read together from the child's stdout or stderr, in the order read. */
    public void piped(boolean fromStderr, List<String> lines) {
        boolean appended;
        synchronized (this) {
            long before = maker.lastNumber();
            Instant now = maker.now();
            long nowNanos = clock.getAsLong();
            for (String line : lines) {
                if (hubless) {
                    append(maker.line(fromStderr, new PipeMatcher.PipedLine(0, line, now)));
                } else {
                    order.piped(fromStderr, line, now, nowNanos);
                }
            }
            if (!hubless) {
                process();
            }
            appended = maker.lastNumber() != before;
        }
        if (appended) {
            changes.signal(); // most piped lines only match a record the runtime sent: no one needs waking
        }
    }

    /**
     * Runs {@code action} once every record the runtime sent so far is in the log: a message that
     * followed records (ready, published) takes effect after them.
     */
    public synchronized void afterRecordsSoFar(Runnable action) {
        if (order.holdsNothing() || completion.isComplete()) {
            action.run();
        } else {
            order.after(action);
        }
    }

    /** The child's runtime answered the question {@code id}: every line read before it was asked has had its report. */
    public void synced(long id) {
        synchronized (this) {
            if (!order.synced(id)) {
                return;
            }
            process();
        }
        changes.signal();
    }

    /** The child's runtime connected: it will send END when it ends, unless killed. */
    public synchronized void connected() {
        completion.connected();
    }

    /** The runtime sent its last records: pipe lines not matched from now on are extras. */
    public void reportsComplete() {
        synchronized (this) {
            completion.reportsComplete();
            process();
            checkComplete();
        }
        changes.signal();
    }

    /** One of the child's pipes reached its end. */
    public void pipeClosed() {
        synchronized (this) {
            completion.pipeClosed(clock.getAsLong());
            checkComplete();
        }
        changes.signal();
    }

    /** The child's process exited with {@code code}. */
    public void exited(int code) {
        synchronized (this) {
            boolean wasComplete = completion.isComplete();
            completion.exited(code, clock.getAsLong());
            if (wasComplete) {
                noteExit();
            } else {
                checkComplete();
            }
        }
        changes.signal();
    }

    /**
     * Moves the log on with time, called every few milliseconds: releases records that waited too
     * long for their lines and completes a log whose END will not come.
     */
    public void tick() {
        boolean changed;
        synchronized (this) {
            if (completion.isComplete()) {
                return;
            }
            long before = maker.lastNumber();
            process();
            checkComplete();
            changed = maker.lastNumber() != before || completion.isComplete();
        }
        if (changed) {
            changes.signal();
        }
    }

    /** Returns whether the log is complete: nothing more will come. */
    public boolean isComplete() {
        return completion.isComplete();
    }

    /** Waits up to {@code millis} for the log to be complete; returns whether it is. */
    public boolean awaitComplete(long millis) throws InterruptedException {
        return changes.await(this::isComplete, System.nanoTime() + millis * 1_000_000L);
    }

    /**
     * Stamps what the log itself adds (lines only the pipes had, proctest's own lines) with the
     * child's time from now on, as the child stamps its records.
     */
    public void timeFrom(TimeOrigin origin) {
        maker.timeFrom(origin);
    }

    /** Writes a line of proctest's own about the child to its log file, such as how it was stopped. */
    public synchronized void note(String text) {
        file.write(maker.note(text).line());
    }

    /** Returns the records in memory, oldest first. Reads take no lock, so they never hold up the child's records. */
    public List<LogRecord> records() {
        return records.all();
    }

    /** Returns the records in memory after the one numbered {@code sequence}, oldest first. */
    public List<LogRecord> recordsAfter(long sequence) {
        return records.after(sequence);
    }

    /**
     * Gives {@code visitor} each record in memory numbered after {@code sequence}, oldest first,
     * until it returns false, without copying them.
     *
     * @return the number of the last record visited, or {@code sequence} if none was
     */
    public long scan(long sequence, Predicate<LogRecord> visitor) {
        return records.scan(sequence, visitor);
    }

    /** Returns the number of the last record in the log, 0 before the first. */
    public long lastSequence() {
        return records.lastNumber();
    }

    /** Returns the last {@code count} records in memory, oldest first. */
    public List<LogRecord> lastRecords(int count) {
        return records.last(count);
    }

    /** Returns the exit code of the child, once its process has exited. */
    public synchronized OptionalInt exitCode() {
        return completion.hasExited() ? OptionalInt.of(completion.exitCode()) : OptionalInt.empty();
    }

    /** Makes what was written so far readable in the file. */
    public synchronized void flush() {
        file.flush();
    }

    @Override
    public synchronized void close() {
        file.close();
    }

    private void process() {
        order.process(completion.areReportsComplete(), clock.getAsLong(), sink);
    }

    /** Completes the log once nothing more can come: both pipes closed and the last records in, or none coming. */
    private void checkComplete() {
        if (completion.givesUpOnEnd(clock.getAsLong())) {
            completion.reportsComplete();
            process();
        }
        if (completion.canComplete()) {
            order.releaseAll(clock.getAsLong(), sink);
            completion.completed();
            if (completion.hasExited()) {
                noteExit();
            }
            file.flush();
        }
    }

    private void noteExit() {
        note("exited with code " + completion.exitCode());
    }

    /** Appends a record built just now, and so numbered in the order of the log. */
    private void append(LogRecord record) {
        records.add(record);
        file.write(record.line());
        for (Consumer<LogRecord> listener : listeners) {
            listener.accept(record);
        }
    }
}

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
import org.apiguardian.api.API;

/**
 * One child's log as the test sees it: the records its runtime sent and the lines of its pipes, put in the order the child
 * wrote them ({@link RecordOrder}), numbered, written to its log file and kept in memory ({@link RetainedRecords}) for the test
 * to read and await; or, for a program without the runtime, a record for every line of its output. Complete once nothing more
 * will come ({@link LogCompletion}); records that arrive after that are ignored, as their lines were taken from the pipes. Every
 * change signals the child's {@link Changes}.
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
    private volatile Consumer<LogRecord> judge = record -> { };
    private final ClockNote clockNote = new ClockNote();
    private final RecordOrder.Sink sink;

    /**
     * @param hubless whether the child has no proctest runtime to report its records: every line of its output is then a record
     * @param changes the child's, signalled as records come and when the log completes
     */
    public ChildLog(String child, Path file, int retain, boolean hubless, Changes changes) {
        this(child, file, retain, hubless, changes, System::nanoTime, null);
    }

    /** The log of a restarted child, or of one that takes the name of one that ended: on in its file, numbered on after {@code earlier}'s. */
    public ChildLog(ChildLog earlier, int retain, boolean hubless, Changes changes) {
        this(earlier.child, earlier.file(), retain, hubless, changes, System::nanoTime, earlier);
    }

    /** @param clock the time in nanoseconds, as {@link System#nanoTime()} gives it */
    ChildLog(String child, Path file, int retain, boolean hubless, Changes changes, LongSupplier clock) {
        this(child, file, retain, hubless, changes, clock, null);
    }

    private ChildLog(String child, Path file, int retain, boolean hubless, Changes changes, LongSupplier clock, ChildLog earlier) {
        long lastNumber = earlier == null ? 0 : earlier.records.lastNumber();
        if (earlier != null) {
            earlier.close(); // complete: its child has ended; this one writes on in its file
        }
        this.child = child;
        this.maker = new RecordMaker(child, lastNumber);
        this.sink = new RecordOrder.Sink(record -> append(maker.reported(record)), (fromStderr, line) -> append(maker.line(fromStderr, line)));
        this.file = new LogFile(file, earlier != null);
        this.records = new RetainedRecords(retain, lastNumber);
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

    /** Has {@code recordJudge} judge every record from now on before it is readable: who reads it finds the judgement made. */
    public void judgeWith(Consumer<LogRecord> recordJudge) {
        this.judge = recordJudge;
    }

    /** How the log asks the runtime whether unmatched pipe lines will get records: the answer comes to {@link #synced(long)}. */
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
            completion.recordsArrived(now);
            order.reported(decoded, now);
            process();
        }
        changes.signal();
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

    /** Runs {@code action} once every record sent so far is in the log: a message that followed records acts after them. */
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

    /** The runtime connected (it sends END when it ends, unless killed), or its connection closed after all it sent. */
    public void connection(boolean open) {
        synchronized (this) {
            completion.connection(open, clock.getAsLong());
            checkComplete();
        }
        changes.signal();
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
                note("exited with code " + completion.exitCode());
            } else {
                checkComplete();
            }
        }
        changes.signal();
    }

    /** Moves the log on, every few milliseconds: releases records that waited too long for their lines, completes a log whose END will not come. */
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

    /** Stamps what the log itself adds (lines only the pipes had, proctest's own lines) with the child's time from now on, as the child does. */
    public void timeFrom(TimeOrigin origin) {
        maker.timeFrom(origin);
    }

    /** Writes a line of proctest's own about the child to its log file, such as how it was stopped. */
    public synchronized void note(String text) {
        file.write(maker.note(text).line());
        file.flush(); // readable at once: they say what became of the child
    }

    /** What failure messages that show this log's tail say of the child's virtual clock. */
    public ClockNote clockNote() {
        return clockNote;
    }

    /** Returns the records in memory: read without a lock, so that reading never holds up the child's records. */
    public RetainedRecords retained() {
        return records;
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
                note("exited with code " + completion.exitCode());
            }
            file.flush();
        }
    }

    /** Appends a record built just now, and so numbered in the order of the log. */
    private void append(LogRecord record) {
        judge.accept(record);
        records.add(record);
        file.write(record.line());
        for (Consumer<LogRecord> listener : listeners) {
            listener.accept(record);
        }
    }
}

package dev.proctest.engine.logs;

import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.TimeOrigin;
import dev.proctest.wire.WireRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * One child's log as the test sees it: the records its runtime sent, in the order it logged them,
 * plus what reached its pipes past the runtime ({@link PipeMatcher}); or, for a program without
 * the runtime, a record for every line of its output. Every record goes to the child's log file;
 * the newest {@code retain} stay in memory for the test to read and await.
 *
 * <p>The log is complete once the pipes have closed and the runtime has sent its last records
 * (END), or, when no END comes (a child killed with SIGKILL, crashed, or never connected), once
 * nothing more has come for a while after the child exited. Records that arrive after that are
 * ignored: their lines were taken from the pipes.
 */
public final class ChildLog implements AutoCloseable {

    /**
     * How long a record may wait for its lines to come through quiet pipes: a line that never comes
     * must not stop the log. While the pipes deliver lines, a record waits on: under load the pipe
     * reader lags the hub by seconds, and a record released before its line arrives would make
     * that line an extra, a duplicate out of place.
     */
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** How long after the exit, and after the last records, the log waits for the runtime's END when the runtime will send none. */
    private static final long NO_END_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** The same when the runtime should send END: its shutdown hook waits for the child's last records, and the hub may be busy. */
    private static final long END_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** The levels by their numbers on the wire: their ordinals. */
    private static final Level[] LEVELS = Level.values();

    private final String child;
    private final Path file;
    private final BufferedWriter writer;
    private final int retain;
    private final boolean hubless;
    private final RecordCodec codec = new RecordCodec();
    private final Deque<LogRecord> records = new ArrayDeque<>();
    private final Deque<PendingRecord> pending = new ArrayDeque<>();
    private final PipeMatcher stdout = new PipeMatcher();
    private final PipeMatcher stderr = new PipeMatcher();
    private final List<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;
    private boolean reportsComplete;
    private boolean complete;
    private int openPipes = 2;
    private boolean connected;
    private boolean exited;
    private int exitCode;
    private final LongSupplier clock;
    private volatile TimeOrigin timeOrigin;
    private long lastNewsNanos;
    private LongConsumer syncRequester = id -> { };
    private long syncs;
    private long syncAsked = -1;
    private long askedOut;
    private long askedErr;
    private long syncedOut;
    private long syncedErr;

    /**
     * @param hubless whether the child has no proctest runtime to report its records: every line
     *     of its output is then a record
     */
    public ChildLog(String child, Path file, int retain, boolean hubless) {
        this(child, file, retain, hubless, System::nanoTime);
    }

    /** @param clock the time in nanoseconds, as {@link System#nanoTime()} gives it */
    ChildLog(String child, Path file, int retain, boolean hubless, LongSupplier clock) {
        this.clock = clock;
        this.lastNewsNanos = clock.getAsLong();
        this.child = child;
        this.file = file;
        this.retain = Math.max(retain, 1);
        this.hubless = hubless;
        this.reportsComplete = hubless;
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log file " + file, e);
        }
    }

    public String child() {
        return child;
    }

    public Path file() {
        return file;
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
        this.syncRequester = requester;
    }

    /** Takes a batch the child's runtime sent: records, and the lines they account for on the pipes. */
    public void reported(byte[] batch) {
        List<WireRecord> decoded = codec.decode(batch);
        synchronized (this) {
            if (complete) {
                return; // too late: the lines of these records were taken from the pipes
            }
            lastNewsNanos = clock.getAsLong();
            for (WireRecord record : decoded) {
                boolean event = record.kind() == WireRecord.Kind.EVENT;
                PendingRecord pending = PendingRecord.of(record, event ? record.echoes().size() : 1, lastNewsNanos);
                this.pending.addLast(pending);
                if (event) {
                    record.echoes().forEach(echo -> (echo.toStderr() ? stderr : stdout).reported(echo.text(), pending));
                } else {
                    (record.kind() == WireRecord.Kind.STDERR ? stderr : stdout).reported(record.message(), pending);
                }
            }
            process();
        }
        LogSignal.signal();
    }

    /** Takes a line read from the child's stdout or stderr. */
    public void piped(boolean fromStderr, String line) {
        boolean appended;
        synchronized (this) {
            long before = sequence;
            if (hubless) {
                append(lineRecord(fromStderr, new PipeMatcher.PipedLine(0, line, now())));
            } else {
                (fromStderr ? stderr : stdout).piped(line, now(), clock.getAsLong());
                process();
            }
            appended = sequence != before;
        }
        if (appended) {
            LogSignal.signal(); // most piped lines only match a record the runtime sent: no one needs waking
        }
    }

    /**
     * Runs {@code action} once every record the runtime sent so far is in the log: a message that
     * followed records (ready, published) takes effect after them.
     */
    public synchronized void afterRecordsSoFar(Runnable action) {
        if (pending.isEmpty() || complete) {
            action.run();
        } else {
            pending.addLast(PendingRecord.marker(action));
        }
    }

    /** The child's runtime answered the question {@code id}: every line read before it was asked has had its report. */
    public void synced(long id) {
        synchronized (this) {
            if (id != syncAsked) {
                return;
            }
            syncAsked = -1;
            syncedOut = askedOut;
            syncedErr = askedErr;
            process();
        }
        LogSignal.signal();
    }

    /** The child's runtime connected: it will send END when it ends, unless killed. */
    public synchronized void connected() {
        connected = true;
    }

    /** The runtime sent its last records: pipe lines not matched from now on are extras. */
    public void reportsComplete() {
        synchronized (this) {
            reportsComplete = true;
            process();
            checkComplete();
        }
        LogSignal.signal();
    }

    /** One of the child's pipes reached its end. */
    public void pipeClosed() {
        synchronized (this) {
            openPipes--;
            lastNewsNanos = clock.getAsLong();
            checkComplete();
        }
        LogSignal.signal();
    }

    /** The child's process exited with {@code code}. */
    public void exited(int code) {
        synchronized (this) {
            exited = true;
            exitCode = code;
            lastNewsNanos = clock.getAsLong();
            if (complete) {
                noteExit();
            } else {
                checkComplete();
            }
        }
        LogSignal.signal();
    }

    /**
     * Moves the log on with time, called every few milliseconds: releases records that waited too
     * long for their lines and completes a log whose END will not come.
     */
    public void tick() {
        boolean appended;
        synchronized (this) {
            if (complete) {
                return;
            }
            long before = sequence;
            process();
            checkComplete();
            appended = sequence != before;
        }
        if (appended) {
            LogSignal.signal();
        }
    }

    /** Returns whether the log is complete: nothing more will come. */
    public synchronized boolean isComplete() {
        return complete;
    }

    /** Waits up to {@code millis} for the log to be complete; returns whether it is. */
    public synchronized boolean awaitComplete(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!complete && System.nanoTime() < deadline) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return complete;
    }

    /**
     * Stamps what the log itself adds (lines only the pipes had, proctest's own lines) with the
     * child's time from now on, as the child stamps its records.
     */
    public void timeFrom(TimeOrigin origin) {
        timeOrigin = origin;
    }

    private Instant now() {
        TimeOrigin origin = timeOrigin;
        Instant now = Instant.now();
        return origin == null ? now : Instant.ofEpochSecond(0, origin.childNanos(TimeOrigin.epochNanos(now)));
    }

    /** Writes a line of proctest's own about the child to its log file, such as how it was stopped. */
    public synchronized void note(String text) {
        write(new LogRecord(child, 0, now(), Level.INFO, "proctest", "", text, null).line());
    }

    /** Returns the records in memory, oldest first. */
    public synchronized List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    /** Returns the records in memory after the one numbered {@code sequence}, oldest first. */
    public synchronized List<LogRecord> recordsAfter(long sequence) {
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
    public synchronized List<LogRecord> lastRecords(int count) {
        List<LogRecord> last = new ArrayList<>();
        for (Iterator<LogRecord> newestFirst = records.descendingIterator(); newestFirst.hasNext() && last.size() < count; ) {
            last.add(newestFirst.next());
        }
        Collections.reverse(last);
        return last;
    }

    /** Returns the exit code of the child, once its process has exited. */
    public synchronized OptionalInt exitCode() {
        return exited ? OptionalInt.of(exitCode) : OptionalInt.empty();
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // the log is best effort once the child is gone
        }
    }

    /**
     * Matches the pipes' lines and releases the records whose lines came through; an extra line
     * goes in after the records that came through before it and before those still waiting. Asks
     * the runtime about lines that wait with no report to compare them with.
     */
    private void process() {
        stdout.match(reportsComplete ? Long.MAX_VALUE : syncedOut, line -> {
            release(false);
            append(lineRecord(false, line));
        });
        stderr.match(reportsComplete ? Long.MAX_VALUE : syncedErr, line -> {
            release(false);
            append(lineRecord(true, line));
        });
        release(false);
        if (!reportsComplete && syncAsked < 0 && (stdout.hasWaiting() || stderr.hasWaiting())) {
            syncAsked = ++syncs;
            askedOut = stdout.pipedCount();
            askedErr = stderr.pipedCount();
            syncRequester.accept(syncAsked);
        }
    }

    /** Completes the log once nothing more can come: both pipes closed and the last records in, or none coming. */
    private void checkComplete() {
        if (complete || openPipes > 0) {
            return;
        }
        if (!reportsComplete && exited && clock.getAsLong() - lastNewsNanos > (endExpected() ? END_NANOS : NO_END_NANOS)) {
            reportsComplete = true;
            process();
        }
        if (reportsComplete) {
            release(true);
            complete = true;
            if (exited) {
                noteExit();
            }
            flush();
            notifyAll();
        }
    }

    /**
     * Whether the runtime will send END: it connected, and the JVM ran its shutdown hooks, as it
     * does on exit and on SIGHUP, SIGINT and SIGTERM, but not when killed otherwise.
     */
    private boolean endExpected() {
        return connected && (exitCode < 128 || exitCode == 128 + 1 || exitCode == 128 + 2 || exitCode == 128 + 15);
    }

    private void noteExit() {
        note("exited with code " + exitCode);
    }

    private void release(boolean all) {
        long pipesLastActive = Math.max(stdout.lastPipedNanos(), stderr.lastPipedNanos());
        long now = clock.getAsLong();
        while (!pending.isEmpty() && (all || pending.peekFirst().isReleasable(MAX_HOLD_NANOS, pipesLastActive, now))) {
            PendingRecord next = pending.removeFirst();
            next.released();
            if (next.record() == null) {
                next.marker().run();
            } else {
                append(toRecord(next.record()));
            }
        }
    }

    /** Builds the record of a pipe line, numbered next in the log. */
    private LogRecord lineRecord(boolean fromStderr, PipeMatcher.PipedLine line) {
        return new LogRecord(child, ++sequence, line.time(), fromStderr ? Level.WARN : Level.INFO, fromStderr ? "stderr" : "stdout",
                "", line.text(), null);
    }

    /** Builds the record of what the runtime sent, numbered next in the log. */
    private LogRecord toRecord(WireRecord record) {
        LoggedThrowable thrown = record.hasThrowable()
                ? new LoggedThrowable(record.throwableType(), record.throwableMessage(), record.stackTrace()) : null;
        Instant time = Instant.ofEpochSecond(0, record.epochNanos());
        return new LogRecord(child, ++sequence, time, LEVELS[record.level()], record.logger(), record.thread(),
                record.message(), thrown);
    }

    /** Appends a record built just now, and so numbered in the order of the log. */
    private void append(LogRecord record) {
        records.addLast(record);
        if (records.size() > retain) {
            records.removeFirst();
        }
        write(record.line());
        for (Consumer<LogRecord> listener : listeners) {
            listener.accept(record);
        }
    }

    private void write(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            // keep going: a child must never be held up because its log file cannot be written
        }
    }

    /** Makes what was written so far readable in the file. */
    public synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            // as in write
        }
    }
}

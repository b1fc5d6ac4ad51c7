package dev.proctest.engine.logs;

import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.wire.RecordCodec;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child's log as the test sees it: the records its runtime sent, in the order it logged them,
 * plus what reached its pipes past the runtime ({@link PipeMatcher}); or, for a program without
 * the runtime, a record for every line of its output. Every record goes to the child's log file;
 * the newest {@code retain} stay in memory for the test to read and await.
 */
public final class ChildLog implements AutoCloseable {

    /** How long a record may wait for its lines to come through the pipes: a line that never comes must not stop the log. */
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(2);

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
    private int openPipes = 2;

    /**
     * @param hubless whether the child has no proctest runtime to report its records: every line
     *     of its output is then a record
     */
    public ChildLog(String child, Path file, int retain, boolean hubless) {
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

    /** Takes a batch the child's runtime sent: records, and the lines they account for on the pipes. */
    public void reported(byte[] batch) {
        List<WireRecord> decoded = codec.decode(batch);
        synchronized (this) {
            for (WireRecord record : decoded) {
                boolean event = record.kind() == WireRecord.Kind.EVENT;
                PendingRecord pending = new PendingRecord(record, event ? record.echoes().size() : 1);
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
                append(lineRecord(fromStderr, new PipeMatcher.PipedLine(line, Instant.now())));
            } else {
                (fromStderr ? stderr : stdout).piped(line, Instant.now());
                process();
            }
            appended = sequence != before;
        }
        if (appended) {
            LogSignal.signal(); // most piped lines only match a record the runtime sent: no one needs waking
        }
    }

    /** The runtime sent its last records: pipe lines not matched from now on are extras. */
    public void reportsComplete() {
        synchronized (this) {
            reportsComplete = true;
            process();
            notifyAll();
        }
        LogSignal.signal();
    }

    /** One of the child's pipes reached its end. */
    public synchronized void pipeClosed() {
        openPipes--;
        notifyAll();
    }

    /**
     * Waits until the child's log is complete: both pipes closed, and the runtime's last records in,
     * or {@code grace} passed without them, as after a {@code SIGKILL}; then takes what is left on
     * the pipes as extras.
     */
    public void settle(long graceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        synchronized (this) {
            while (!reportsComplete && System.nanoTime() < deadline) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
        reportsComplete();
        synchronized (this) {
            if (openPipes <= 0) {
                release(true); // nothing more can come through the pipes
            }
        }
        flush();
    }

    /** Waits up to {@code millis} for both pipes to close; returns whether they did. */
    public synchronized boolean awaitPipesClosed(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (openPipes > 0 && System.nanoTime() < deadline) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return openPipes <= 0;
    }

    /** Writes a line of proctest's own about the child to its log file, such as how it was stopped. */
    public synchronized void note(String text) {
        write(new LogRecord(child, 0, Instant.now(), Level.INFO, "proctest", "", text, null).line());
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

    /** Returns the lines of the last {@code count} records, oldest first. */
    public synchronized List<String> tail(int count) {
        List<String> lines = new ArrayList<>();
        for (Iterator<LogRecord> newestFirst = records.descendingIterator(); newestFirst.hasNext() && lines.size() < count; ) {
            lines.add(newestFirst.next().line());
        }
        Collections.reverse(lines);
        return lines;
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
     * goes in after the records that came through before it and before those still waiting.
     */
    private void process() {
        stdout.match(reportsComplete, line -> {
            release(false);
            append(lineRecord(false, line));
        });
        stderr.match(reportsComplete, line -> {
            release(false);
            append(lineRecord(true, line));
        });
        release(false);
    }

    private void release(boolean all) {
        while (!pending.isEmpty() && (all || pending.peekFirst().isReleasable(MAX_HOLD_NANOS))) {
            append(toRecord(pending.removeFirst().record()));
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
        return new LogRecord(child, ++sequence, time, Level.values()[record.level()], record.logger(), record.thread(),
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

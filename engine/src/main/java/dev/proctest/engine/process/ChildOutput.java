package dev.proctest.engine.process;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Everything a child writes to stdout and stderr: drained continuously by a thread per stream, so
 * that a child never blocks on a full pipe, written line by line to the child's log file, and kept
 * in memory as a bounded tail for failure messages. {@code run} children also keep the whole text.
 */
final class ChildOutput implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** Which stream a line came from, as the log file and failure messages mark it. */
    enum Stream {
        OUT("out"), ERR("err");

        final String mark;

        Stream(String mark) {
            this.mark = mark;
        }
    }

    private final Path logFile;
    private final BufferedWriter log;
    private final int tailLines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream[] captured;
    private final List<Consumer<String>> lineListeners = new ArrayList<>();
    private final CountDownLatch drained = new CountDownLatch(2);

    ChildOutput(Path logFile, int tailLines, boolean captureAll) {
        this.logFile = logFile;
        this.tailLines = Math.max(tailLines, 1);
        this.captured = captureAll ? new ByteArrayOutputStream[] {new ByteArrayOutputStream(), new ByteArrayOutputStream()} : null;
        try {
            Files.createDirectories(logFile.getParent());
            this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log file " + logFile, e);
        }
    }

    /** Calls {@code listener} with every line either stream writes from now on, on the draining thread. */
    synchronized void onLine(Consumer<String> listener) {
        lineListeners.add(listener);
    }

    /** Starts draining the child's two output streams. */
    void drain(String childName, InputStream stdout, InputStream stderr) {
        start(childName, Stream.OUT, stdout);
        start(childName, Stream.ERR, stderr);
    }

    /** Writes a line of proctest's own about the child, such as how it was stopped, to the log. */
    synchronized void note(String text) {
        writeLog("proctest", text);
    }

    /** Waits until both streams reached their end, which follows the exit of the child's whole tree. */
    boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        return drained.await(timeout, unit);
    }

    synchronized List<String> tail(int lines) {
        List<String> all = new ArrayList<>(tail);
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    synchronized String captured(Stream stream) {
        return captured == null ? "" : captured[stream.ordinal()].toString(StandardCharsets.UTF_8);
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
        } catch (IOException e) {
            // the log is best effort once the child is gone
        }
    }

    private void start(String childName, Stream stream, InputStream input) {
        Thread thread = new Thread(() -> pump(stream, input), "proctest-" + childName + "-" + stream.mark);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Stream stream, InputStream input) {
        LineSplitter lines = new LineSplitter(line -> line(stream, line));
        byte[] buffer = new byte[8192];
        try (input) {
            int read;
            while ((read = input.read(buffer)) != -1) {
                capture(stream, buffer, read);
                lines.accept(buffer, read);
            }
        } catch (IOException e) {
            // The pipe broke: the child is gone and what it wrote has been read.
        } finally {
            lines.finish();
            flush();
            drained.countDown();
        }
    }

    private synchronized void capture(Stream stream, byte[] buffer, int length) {
        if (captured != null) {
            captured[stream.ordinal()].write(buffer, 0, length);
        }
    }

    private synchronized void line(Stream stream, String line) {
        writeLog(stream.mark, line);
        tail.addLast(stream.mark + "| " + line);
        if (tail.size() > tailLines) {
            tail.removeFirst();
        }
        for (Consumer<String> listener : lineListeners) {
            listener.accept(line);
        }
    }

    private void writeLog(String source, String text) {
        try {
            log.write(LocalTime.now().format(TIME) + " " + source + "| " + text);
            log.newLine();
        } catch (IOException e) {
            // Keep draining: a child must never block because its log cannot be written.
        }
    }

    private synchronized void flush() {
        try {
            log.flush();
        } catch (IOException e) {
            // as in writeLog
        }
    }
}

package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Reads a child's stdout and stderr as the child writes them, a thread per stream, so that the
 * child never blocks on a full pipe, and hands every line to the child's log. {@code run} children
 * also keep the exact text, as their programs wrote it.
 */
@API(status = INTERNAL, since = "0.1")
public final class OutputPipes {

    /** Which stream of the child. */
    public enum Stream { OUT, ERR }

    private final ChildLog log;
    private final ByteArrayOutputStream[] captured;

    public OutputPipes(ChildLog log, boolean captureAll) {
        this.log = log;
        this.captured = captureAll ? new ByteArrayOutputStream[] {new ByteArrayOutputStream(), new ByteArrayOutputStream()} : null;
    }

    /** Starts reading the child's two output streams. */
    public void drain(String childName, InputStream stdout, InputStream stderr) {
        start(childName, Stream.OUT, stdout);
        start(childName, Stream.ERR, stderr);
    }

    /** Returns all the child wrote to {@code stream}, if it keeps all of its output, else nothing. */
    public synchronized String captured(Stream stream) {
        return captured == null ? "" : captured[stream.ordinal()].toString(StandardCharsets.UTF_8);
    }

    private void start(String childName, Stream stream, InputStream input) {
        Thread thread = new Thread(() -> pump(stream, input), "proctest-" + childName + "-" + stream.name().toLowerCase(Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Stream stream, InputStream input) {
        boolean stderr = stream == Stream.ERR;
        LineSplitter lines = new LineSplitter(chunk -> log.piped(stderr, chunk));
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
            log.pipeClosed();
        }
    }

    private synchronized void capture(Stream stream, byte[] buffer, int length) {
        if (captured != null) {
            captured[stream.ordinal()].write(buffer, 0, length);
        }
    }
}

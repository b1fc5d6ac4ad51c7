package dev.proctest.engine.logs;

import dev.proctest.engine.support.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child's log file, {@code <child>.log}: one line per record. Writing is best effort: a child
 * must never be held up because its log file cannot be written. Not thread-safe: its log writes
 * under its own lock.
 */
final class LogFile {

    private final Path path;
    private final BufferedWriter writer;

    /** @param append whether to go on after what the file holds: the log of a restarted child */
    LogFile(Path path, boolean append) {
        this.path = path;
        try {
            PrivateFiles.prepare(path);
            this.writer = append
                    ? Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log file " + path, e);
        }
    }

    Path path() {
        return path;
    }

    void write(String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            // keep going, as the class says
        }
    }

    /** Makes what was written so far readable in the file. */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            // as in write
        }
    }

    void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // the log is best effort once the child is gone
        }
    }
}

package dev.proctest.engine.report;

import dev.proctest.engine.support.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The report's index, {@code index.html}: one entry per run (a Surefire or Failsafe fork, a
 * launcher) that wrote into the directory, newest first. Each run writes its own
 * {@code runs/<run>.js}; the index names them all. Runs of several forks write at once under a
 * file lock, so that none loses another's entry.
 */
final class RunIndex {

    static final String FILE = "index.html";
    private static final String RUNS = "runs";

    /** A JVM holds a file lock once: its runs take turns here first, then with other JVMs' at the file. */
    private static final Object IN_THIS_JVM = new Object();

    /** How long a run waits for another JVM to finish writing the index; each holds it for milliseconds. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private RunIndex() {}

    /** Adds the run {@code id} with {@code facts} to the index in {@code root}; returns the index's file. */
    static Path add(Path root, String id, Object facts) {
        return add(root, id, facts, LOCK_WAIT);
    }

    /**
     * Adds the run as {@link #add(Path, String, Object)} does, waiting at most {@code lockWait} for
     * another JVM's hold on the index; a JVM that is stopped while holding it fails this run's
     * index, with a message that names the lock, rather than hanging the run's end.
     */
    static Path add(Path root, String id, Object facts, Duration lockWait) {
        synchronized (IN_THIS_JVM) {
            return addLocked(root, id, facts, lockWait);
        }
    }

    private static Path addLocked(Path root, String id, Object facts, Duration lockWait) {
        Path index = root.resolve(FILE);
        try {
            Files.createDirectories(root);
            Path lockFile = PrivateFiles.prepare(root.resolve(".index.lock"));
            // the run's own file needs no lock; the next run to index lists it even if this one cannot
            ReportFiles.write(root.resolve(RUNS).resolve(id + ".js"),
                    "(window.proctestRuns = window.proctestRuns || []).push(" + ReportFiles.json(facts) + ");\n");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = lock(channel, lockFile, lockWait); // released as the channel closes
                StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        + "<title>proctest report</title>\n<link rel=\"stylesheet\" href=\"" + ReportFiles.STYLE + "\">\n</head>\n<body>\n");
                for (String run : runs(root.resolve(RUNS))) {
                    html.append("<script src=\"").append(RUNS).append('/').append(ReportFiles.escape(run)).append("\"></script>\n");
                }
                html.append("<script src=\"").append(ReportFiles.SCRIPT).append("\"></script>\n</body>\n</html>\n");
                ReportFiles.write(index, html.toString());
                ReportFiles.assets(root);
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report's index " + index + ": " + e, e);
        }
        return index;
    }

    private static FileLock lock(FileChannel channel, Path lockFile, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 1;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IOException("another process has held the index's lock " + lockFile + " for more than " + wait.toMillis()
                        + " ms (a test JVM stopped while writing?); this run's entry is in " + RUNS
                        + "/ and the next run's index lists it");
            }
            try {
                Thread.sleep(pause); // another JVM holds it while it writes two small files
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the index's lock " + lockFile, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    private static List<String> runs(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".js")).sorted().toList();
        }
    }
}

package dev.proctest.engine.scope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.CleanupMode;

/**
 * The temporary directories of a scope, Jupiter's {@code @TempDir}: each made when asked for, and
 * deleted as its cleanup mode says once the scope ends, after its children have stopped, which may
 * still have written to them.
 */
final class ScopeTempDirs {

    private record Made(Path path, CleanupMode cleanup) {}

    private final List<Made> made = new ArrayList<>();

    /** Makes a new directory, to be cleaned up as {@code cleanup} says. */
    synchronized Path make(CleanupMode cleanup) {
        try {
            Path path = Files.createTempDirectory("proctest");
            made.add(new Made(path, cleanup));
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary directory for @TempDir", e);
        }
    }

    /**
     * Deletes each directory whose cleanup mode says so: always ({@code ALWAYS}, {@code DEFAULT}),
     * or when the scope succeeded ({@code ON_SUCCESS}); {@code NEVER} keeps it.
     *
     * @throws UncheckedIOException naming what could not be deleted
     */
    synchronized void close(boolean succeeded) {
        List<IOException> failures = new ArrayList<>();
        for (Made dir : made) {
            if (dir.cleanup() == CleanupMode.NEVER || (dir.cleanup() == CleanupMode.ON_SUCCESS && !succeeded)) {
                continue;
            }
            try {
                delete(dir.path());
            } catch (IOException e) {
                failures.add(e);
            }
        }
        made.clear();
        if (!failures.isEmpty()) {
            UncheckedIOException failure = new UncheckedIOException("Cannot delete the @TempDir " + failures.get(0).getMessage(),
                    failures.get(0));
            failures.subList(1, failures.size()).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

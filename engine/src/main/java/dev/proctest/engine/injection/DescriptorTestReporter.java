package dev.proctest.engine.injection;

import dev.proctest.engine.support.Throwables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Publishes report entries, files and directories for one descriptor to the execution listener,
 * which build tools and IDEs show beside the test.
 */
final class DescriptorTestReporter implements TestReporter {

    private final TestDescriptor descriptor;
    private final ExecutionRequest request;

    DescriptorTestReporter(TestDescriptor descriptor, ExecutionRequest request) {
        this.descriptor = descriptor;
        this.request = request;
    }

    @Override
    public void publishEntry(Map<String, String> map) {
        request.getEngineExecutionListener().reportingEntryPublished(descriptor, ReportEntry.from(map));
    }

    @Override
    public void publishFile(String name, MediaType mediaType, ThrowingConsumer<Path> action) {
        Path file = outputPath(name);
        run(action, file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Published file [" + file + "] was not created as a regular file");
        }
        request.getEngineExecutionListener().fileEntryPublished(descriptor, FileEntry.from(file, mediaType.toString()));
    }

    @Override
    public void publishDirectory(String name, ThrowingConsumer<Path> action) {
        Path directory = outputPath(name);
        try {
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory [" + directory + "] to publish", e);
        }
        run(action, directory);
        request.getEngineExecutionListener().fileEntryPublished(descriptor, FileEntry.from(directory, null));
    }

    private Path outputPath(String name) {
        Path relative = Path.of(name);
        if (relative.isAbsolute() || relative.getNameCount() != 1 || name.isBlank()) {
            throw new IllegalArgumentException("A published file name must be a plain file name, was [" + name + "]");
        }
        try {
            return request.getOutputDirectoryCreator().createOutputDirectory(descriptor).resolve(relative);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the output directory of " + descriptor.getDisplayName(), e);
        }
    }

    private static void run(ThrowingConsumer<Path> action, Path path) {
        try {
            action.accept(path);
        } catch (Throwable t) {
            throw Throwables.rethrow(t);
        }
    }
}

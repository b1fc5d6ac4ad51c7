package dev.proctest.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report file is written whole or not at all, and a failed write leaves nothing beside it. */
class ReportFilesTests {

    @TempDir
    Path root;

    @Test
    void aWriteThatCannotBeMovedIntoPlaceLeavesNoTemporaryFile() throws Exception {
        Path page = root.resolve("report.html");
        Files.createDirectories(page.resolve("in-the-way")); // a directory with content cannot be replaced by a file
        assertThatThrownBy(() -> ReportFiles.write(page, "<p>facts</p>"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Cannot write the report file " + page);
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("report.html");
        }
    }

    @Test
    void aWrittenFileHasAllOfItsContentAndNoTemporaryBesideIt() throws Exception {
        Path page = root.resolve("report.html");
        Files.writeString(page, "older");
        ReportFiles.write(page, "<p>facts</p>");
        assertThat(page).hasContent("<p>facts</p>");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("report.html");
        }
    }
}

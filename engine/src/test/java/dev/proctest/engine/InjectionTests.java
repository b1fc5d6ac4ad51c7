package dev.proctest.engine;

import static dev.proctest.engine.ProcTestKit.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.ProcessTestInfo;
import dev.proctest.engine.fixtures.InjectionTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** {@code ProcessTestInfo} and {@code TestReporter} in constructors, lifecycle methods and tests. */
class InjectionTests {

    @TempDir
    Path outputs;

    private EngineExecutionResults results;

    @BeforeEach
    void runFixture() {
        InjectionTestCase.SEEN.clear();
        results = engine(selectClass(InjectionTestCase.class)).outputDirectoryCreator(new PerDescriptorDirectories(outputs)).execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void testInfoDescribesTheTestInTheConstructorBeforeEachAndTheTest() {
        for (String place : List.of("constructor", "beforeEach", "test")) {
            ProcessTestInfo info = InjectionTestCase.SEEN.get(place);
            assertThat(info.displayName()).as(place).isEqualTo("reports(ProcessTestInfo, TestReporter)");
            assertThat(info.tags()).as(place).isEqualTo(Set.of("system", "golden", "reports"));
            assertThat(info.testClass()).as(place).isEqualTo(InjectionTestCase.class);
            assertThat(info.testMethod()).as(place).hasValueSatisfying(method -> assertThat(method.getName()).isEqualTo("reports"));
        }
    }

    @Test
    void testInfoDescribesTheClassInClassLevelLifecycleMethods() {
        for (String place : List.of("beforeAll", "afterAll")) {
            ProcessTestInfo info = InjectionTestCase.SEEN.get(place);
            assertThat(info.displayName()).as(place).isEqualTo("InjectionTestCase");
            assertThat(info.tags()).as(place).isEqualTo(Set.of("reports"));
            assertThat(info.testClass()).as(place).isEqualTo(InjectionTestCase.class);
            assertThat(info.testMethod()).as(place).isEmpty();
        }
    }

    @Test
    void reporterPublishesEntriesOnTheDescriptorThatRuns() {
        List<Event> entries = results.allEvents().reportingEntryPublished().list();

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getTestDescriptor().isContainer()).isTrue();
        assertThat(entries.get(0).getRequiredPayload(ReportEntry.class).getKeyValuePairs()).isEqualTo(Map.of("phase", "beforeAll"));
        assertThat(entries.get(1).getTestDescriptor().isTest()).isTrue();
        assertThat(entries.get(1).getRequiredPayload(ReportEntry.class).getKeyValuePairs()).isEqualTo(Map.of("child", "pong"));
    }

    @Test
    void reporterPublishesFilesAndDirectoriesWrittenIntoTheTestsOutputDirectory() throws IOException {
        List<FileEntry> files = results.allEvents().fileEntryPublished().stream()
                .map(event -> event.getRequiredPayload(FileEntry.class)).toList();

        assertThat(files).hasSize(2);
        assertThat(files.get(0).getPath()).startsWith(outputs).hasFileName("pong.log").hasContent("pong");
        assertThat(files.get(0).getMediaType()).contains("text/plain; charset=UTF-8");
        assertThat(files.get(1).getPath()).isDirectory().hasFileName("children");
        assertThat(Files.readString(files.get(1).getPath().resolve("ping.log"))).isEqualTo("ping\n");
    }

    /** Gives every descriptor a directory of its own under a root, as build tools do. */
    private record PerDescriptorDirectories(Path root) implements OutputDirectoryCreator {

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
            return Files.createDirectories(root.resolve(Integer.toHexString(descriptor.getUniqueId().hashCode())));
        }
    }
}

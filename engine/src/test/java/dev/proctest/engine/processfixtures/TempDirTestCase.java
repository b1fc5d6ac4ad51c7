package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.StopRecorder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jupiter's {@code @TempDir} on process tests: parameters and fields, a directory per declaration,
 * deleted after the scope's children are stopped, as the cleanup mode says. The test around this
 * fixture checks what is left once each scope has ended, from {@link #MADE}.
 */
public class TempDirTestCase {

    /** The directories each test was given, by test. */
    public static final Map<String, List<Path>> MADE = new ConcurrentHashMap<>();

    @TempDir
    static Path classDirectory;

    @TempDir
    Path instanceDirectory;

    @BeforeAll
    static void startAClassChild(Processes processes) {
        assertThat(classDirectory).isDirectory();
        processes.spawn(JavaChild.main(StopRecorder.class).name("classNode").args(classDirectory.resolve("stopped").toString(), "classNode")
                .readyWhen(Ready.whenSignalled()));
        MADE.put("class", List.of(classDirectory));
    }

    @ProcessTest
    void aDirectoryPerDeclarationThatAChildWritesToUntilItIsStopped(Processes processes, @TempDir Path data, @TempDir File other,
            @TempDir(cleanup = CleanupMode.NEVER) Path kept) {
        assertThat(data).isDirectory().isNotEqualTo(instanceDirectory).isNotEqualTo(classDirectory);
        assertThat(other).isDirectory();
        processes.spawn(JavaChild.main(StopRecorder.class).name("node1").args(data.resolve("db").resolve("stopped").toString(), "node1")
                .readyWhen(Ready.whenSignalled()));
        processes.spawn(JavaChild.main(StopRecorder.class).name("node2").args(kept.resolve("stopped").toString(), "node2")
                .readyWhen(Ready.whenSignalled()));
        MADE.put("written", List.of(data, other.toPath(), instanceDirectory, kept));
    }

    @ProcessTest
    void aFailedTestKeepsWhatItAskedToKeepOnSuccessOnly(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path evidence) throws Exception {
        Files.writeString(evidence.resolve("state"), "what went wrong");
        MADE.put("failed", List.of(evidence));
        throw new AssertionError("failing on purpose: its directory stays for the person reading the build");
    }

    @ProcessTest
    void aPassedTestDeletesWhatItAskedToKeepOnFailureOnly(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path scratch) throws Exception {
        Files.writeString(scratch.resolve("state"), "fine");
        MADE.put("passed", List.of(scratch));
    }
}

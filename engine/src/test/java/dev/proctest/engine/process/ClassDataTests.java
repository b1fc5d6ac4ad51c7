package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.Constants;
import dev.proctest.Processes;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.launch.ClassPath;
import dev.proctest.engine.processfixtures.ClassDataTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Children start with a class data archive of the runtime's jars once it is built, a stale one is
 * built again, and children start as before without one.
 */
class ClassDataTests {

    @TempDir
    Path archives;

    @BeforeEach
    void theRuntimeIsInJars() {
        assumeTrue(ClassPath.locationOf(dev.proctest.child.ChildMain.class).orElseThrow().toString().endsWith(".jar"),
                "the runtime is a directory of classes here (mvn test rather than verify): an archive holds jars only");
    }

    @Test
    void childrenMapTheRuntimeFromTheArchiveAndAStaleArchiveIsBuiltAgain() throws IOException {
        Outcomes.assertAllPassed(run("childrenMapTheRuntimeOnceTheArchiveIsReady", "on"), 1);
        List<Path> built = archivesIn(archives);
        assertThat(built).as("one archive, of the test JVM's JDK").hasSize(1);
        assertThat(built.get(0).getFileName().toString()).startsWith("runtime-" + Runtime.version().feature() + "-");

        Path archive = built.get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");
        Outcomes.assertAllPassed(run("childrenMapTheRuntimeOnceTheArchiveIsReady", "on"), 1);
        assertThat(Files.size(archive)).as("built again").isGreaterThan(100_000);
    }

    @Test
    void anArchiveAnEarlierRunLeftServesTheFirstChild() {
        Outcomes.assertAllPassed(run("childrenMapTheRuntimeOnceTheArchiveIsReady", "on"), 1);

        Outcomes.assertAllPassed(run("theFirstChildMapsAnEarlierRunsArchive", "on"), 1);
    }

    @Test
    void aSpecWithItsOwnSharingIsLeftAlone() {
        Outcomes.assertAllPassed(run("aSpecWithItsOwnSharingIsLeftAlone", "on"), 1);
    }

    @Test
    void offBuildsNoArchive() {
        Outcomes.assertAllPassed(run("aPlainChild", "off"), 1);
        assertThat(archives).isEmptyDirectory();
    }

    private EngineExecutionResults run(String method, String cds) {
        return dev.proctest.engine.ProcTestKit.engine(selectMethod(ClassDataTestCase.class, method, Processes.class.getName() + ","
                + Path.class.getName()))
                .configurationParameter(Constants.CDS, cds)
                .configurationParameter(Constants.CDS_DIR, archives.toString())
                .configurationParameter(Constants.POOL_SIZE, "0")
                .execute();
    }

    private static List<Path> archivesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".jsa")).toList();
        }
    }
}

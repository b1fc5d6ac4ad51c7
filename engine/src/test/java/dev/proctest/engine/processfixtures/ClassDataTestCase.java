package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.engine.children.Hello;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** Children that tell, through the JVM's class loading log, where their classes came from. */
public class ClassDataTestCase {

    /** The line of the JVM's class loading log for a class mapped from a dynamic archive. */
    public static final String MAPPED = "org.zeromq.ZContext source: shared objects file (top)";

    /** Runs children until one maps JeroMQ's classes from the archive, as each does once it is built and checked. */
    @ProcessTest
    void childrenMapTheRuntimeOnceTheArchiveIsReady(Processes processes, @TempDir Path directory) throws IOException {
        awaitMapped(processes, directory);
    }

    /** A spec that chooses what its JVM shares is left to it, also once the archive is ready. */
    @ProcessTest
    void aSpecWithItsOwnSharingIsLeftAlone(Processes processes, @TempDir Path directory) throws IOException {
        awaitMapped(processes, directory);
        ChildProcess child = processes.start(JavaChild.main(Hello.class).name("own-sharing").jvmArgs("-Xshare:off").mayExit());
        assertThat(child.awaitExit(Duration.ofSeconds(30))).isZero();
        String arguments = Files.readString(child.logFile().resolveSibling("own-sharing.args"));
        assertThat(arguments).contains("-Xshare:off").doesNotContain("-XX:SharedArchiveFile");
    }

    /** The first child of a run maps the archive an earlier run left: it waits for no check. */
    @ProcessTest
    void theFirstChildMapsAnEarlierRunsArchive(Processes processes, @TempDir Path directory) throws IOException {
        assertThat(mapped(run(processes, directory, 0))).as("the run's first child mapped the archive").isTrue();
    }

    /** One child, as any test starts one. */
    @ProcessTest
    void aPlainChild(Processes processes, @TempDir Path directory) throws IOException {
        assertThat(mapped(run(processes, directory, 0))).as("mapped before any archive was built").isFalse();
    }

    private static void awaitMapped(Processes processes, Path directory) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (int n = 0; !mapped(run(processes, directory, n)); n++) {
            assertThat(System.nanoTime()).as("a child started with the class data archive").isLessThan(deadline);
        }
    }

    private static Path run(Processes processes, Path directory, int n) {
        Path classes = directory.resolve("classes-" + n + ".txt");
        ProgramResult result = processes.run(JavaChild.main(Hello.class).name("mapped-" + n).jvmArgs("-Xlog:class+load=info:file="
                + classes));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().strip()).as("nothing but its own output").isEqualTo("hello");
        return classes;
    }

    private static boolean mapped(Path classes) throws IOException {
        return Files.readString(classes).contains(MAPPED);
    }
}

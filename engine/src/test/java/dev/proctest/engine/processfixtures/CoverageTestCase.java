package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.engine.children.Covered;
import dev.proctest.engine.coverage.CoverageData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Children that end in every way; the test around this fixture checks whose coverage was merged. */
public class CoverageTestCase {

    private static JavaChild covered(String how) {
        return JavaChild.main(Covered.class).name(how).args(how);
    }

    @ProcessTest
    void returns(Processes processes) {
        assertThat(processes.run(covered("returns")).exitCode()).isZero();
    }

    @ProcessTest
    void exits(Processes processes) {
        assertThat(processes.run(covered("exits")).exitCode()).isEqualTo(3);
    }

    @ProcessTest
    void isStopped(Processes processes) {
        processes.spawn(covered("stopped").readyWhen(Ready.whenSignalled())); // stopped with SIGTERM at the test's end
    }

    @ProcessTest
    void isKilled(Processes processes) {
        processes.spawn(covered("killed").readyWhen(Ready.whenSignalled()).stopWith(Stop.kill()));
    }

    @ProcessTest
    void timesOutAndIsKilled(Processes processes) {
        ChildProcess child = processes.start(covered("never-ready").readyWhen(Ready.whenSignalled()));
        child.logs().await("never ready"); // its method has run, however long the JVM took to start
        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(ChildProcessException.class).hasMessageContaining("was not ready within 1 s");
    }

    /** Killed from outside: what it wrote at its last periodic write is all it leaves. */
    @ProcessTest
    void isKilledFromOutside(Processes processes) throws IOException, InterruptedException {
        ChildProcess child = processes.spawn(covered("killed-from-outside").readyWhen(Ready.whenSignalled()).mayExit());
        Path coverage = Path.of(System.getProperty("proctest.test.coverageDir"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // the method ran before the child was ready; a periodic write, every proctest.coverage.interval, holds it
        while (!CoverageData.covers(files(coverage), Covered.class, "killedFromOutside")) {
            assertThat(System.nanoTime()).as("a periodic write of the coverage").isLessThan(deadline);
            Thread.sleep(50);
        }
        ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
        child.awaitExit(Duration.ofSeconds(10));
    }

    /**
     * The children's coverage files: a pooled JVM's file is named after the pool's JVM, not the
     * child, and only this child runs the method looked for.
     */
    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(file -> file.toString().endsWith(".exec")).toList();
        }
    }
}

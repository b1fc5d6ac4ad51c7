package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.launch.ClassPath;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child never outlives the test JVM, even one killed with SIGKILL. */
class OrphanTests {

    /** Within 2 s on a quiet machine; a loaded one (a CI host running other builds) needs longer to schedule the exits. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void everyChildAndGrandchildEndsSoonAfterTheTestJvmsDeath() throws Exception {
        Process testJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, ClassPath.of(OrphanTests.class.getClassLoader())), OrphanHost.class.getName())
                .redirectErrorStream(true).start();
        try {
            // A process of the run's own may end by itself meanwhile (the check of a class data archive): those alive are the tree.
            List<Long> pids = pidsHeldBy(testJvm).stream().filter(OrphanTests::alive).toList();
            assertThat(pids).as("the children, grandchildren, orphan, shared child and reaper alive before the kill").hasSizeGreaterThanOrEqualTo(8);

            testJvm.destroyForcibly();
            testJvm.waitFor();

            long deadline = System.nanoTime() + GRACE.toNanos();
            while (pids.stream().anyMatch(OrphanTests::alive) && System.nanoTime() < deadline) {
                pids.stream().filter(OrphanTests::alive).findFirst().flatMap(ProcessHandle::of) // it may end between the two looks
                        .ifPresent(process -> process.onExit().completeOnTimeout(process, 20, TimeUnit.MILLISECONDS).join());
            }
            assertThat(pids).filteredOn(OrphanTests::alive).as("processes alive %d s after the test JVM was killed", GRACE.toSeconds())
                    .isEmpty();
        } finally {
            testJvm.destroyForcibly();
        }
    }

    /** Reads the pids the fixture prints once everything runs; its output is shown if it never does. */
    private static List<Long> pidsHeldBy(Process testJvm) throws Exception {
        StringBuffer output = new StringBuffer(); // read by the test thread while the reader may still append
        CompletableFuture<String> pidsLine = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(testJvm.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.startsWith("PIDS ")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, task -> { // a blocking read gets its own thread, not the common pool's only one
            Thread reader = new Thread(task, "fixture-output");
            reader.setDaemon(true);
            reader.start();
        });
        String line = pidsLine.completeOnTimeout(null, 60, TimeUnit.SECONDS).get();
        assertThat(line).as("the fixture's pids; its output was:\n%s", output).isNotNull();
        return Arrays.stream(line.substring("PIDS ".length()).split(" ")).map(Long::valueOf).toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

package dev.proctest.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that end at once, in one JVM and in several, all reach the index; none overwrites another's entry. */
class RunIndexTests {

    private static final int RUNS = 20;

    @TempDir
    Path root;

    @Test
    void runsThatEndAtOnceInThisJvmAndAnotherAreAllIndexed() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), IndexWriter.class.getName(), root.toString(), "other", String.valueOf(RUNS))
                .redirectErrorStream(true).start();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> written = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String id = "this-" + i;
                written.add(threads.submit(() -> RunIndex.add(root, id, Map.of("id", id))));
            }
            for (Future<Path> index : written) {
                assertThat(index.get(60, TimeUnit.SECONDS)).isEqualTo(root.resolve("index.html"));
            }
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other JVM ends").isTrue();
            assertThat(other.exitValue()).as(() -> new String(readAll(other))).isZero();
        } finally {
            threads.shutdownNow();
            other.destroyForcibly();
        }
        List<String> named = new ArrayList<>();
        Matcher script = Pattern.compile("<script src=\"runs/([^\"]+)\\.js\"></script>").matcher(Files.readString(root.resolve("index.html")));
        while (script.find()) {
            named.add(script.group(1));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            expected.add("other-" + i);
            expected.add("this-" + i);
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ReportTests.runs(root)).extracting(run -> run.get("id").asText()).containsExactlyInAnyOrderElementsOf(expected);
        try (var files = Files.list(root.resolve("runs"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aRunWhoseIndexIsHeldByAnotherJvmGivesUpNamingTheLockAndTheNextRunListsIt() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), IndexWriter.class.getName(), root.toString(), "hold").start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).as("the other JVM holds the lock").isEqualTo("locked");
            long started = System.nanoTime();
            assertThatThrownBy(() -> RunIndex.add(root, "held", Map.of("id", "held"), Duration.ofMillis(300)))
                    .hasMessageContaining(root.resolve(".index.lock").toString())
                    .hasMessageContaining("for more than 300 ms")
                    .hasMessageContaining("the next run's index lists it");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(root.resolve("runs").resolve("held.js")).exists();
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).as("the other JVM lets go").isTrue();
            RunIndex.add(root, "next", Map.of("id", "next"));
            assertThat(Files.readString(root.resolve("index.html"))).contains("runs/held.js").contains("runs/next.js");
        } finally {
            holder.destroyForcibly();
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            return e.toString().getBytes();
        }
    }
}

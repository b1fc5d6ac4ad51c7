package dev.proctest.reliability.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.launch.ClassPath;
import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Many process tests in one run leave the test JVM as they found it: the floors of its heap after a
 * collection, its threads and its open files do not rise from the run's earlier half to its later
 * half, its children stay bounded by the tests running (one child each, and JUnit's executor may
 * run more tests at once than its parallelism), and no child ever finds the address of its endpoint
 * in use. The tests run in a test JVM of their own, started as a build tool starts one.
 */
class ScaleTests {

    /** Five tests a class: 30 and 1,000 tests a run. */
    private static final int CLASSES = Counts.of(6, 200);
    private static final int EVERY = Counts.of(5, 100);
    /** The pool's default size: JVMs that wait for a child while tests run. */
    private static final int POOL = 2;
    /**
     * The reaper's shell, the JVM that checks the class data archive early in a run, and a child
     * that has ended but that the JDK has not reaped yet.
     */
    private static final int HELPERS = 3;

    /** A leak of one thread or file per test raises the floor by a whole sample's worth of tests. */
    private static final double THREADS_BOUND = 2;
    /**
     * In a parallel run up to four tests end at once, each with threads of its own that stop its
     * children: the same code measured a floor of -4 and +4 threads in two short runs. A leak of a
     * thread per test still raises it by 15 in the short run.
     */
    private static final double PARALLEL_THREADS_BOUND = 8;
    private static final double FDS_BOUND = 4;
    private static final double HEAP_BOUND_KIB = 1024;

    @Test
    void aSequentialRunStaysFlat() throws Exception {
        run("sequential");
    }

    @Test
    void aParallelRunStaysFlat() throws Exception {
        run("parallel");
    }

    private static void run(String mode) throws Exception {
        Path directory = Path.of("target", "scale", mode);
        deleteRecursively(directory);
        Files.createDirectories(directory);
        long start = System.nanoTime();
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, ClassPath.of(ScaleTests.class.getClassLoader())), ScaleHost.class.getName(),
                mode, String.valueOf(CLASSES), String.valueOf(EVERY), directory.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("host.log").toFile()).start();
        try {
            assertThat(host.waitFor(Counts.of(180, 7_200), TimeUnit.SECONDS)).as("the test JVM ended in time").isTrue();
        } finally {
            host.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(Files.readString(directory.resolve("host.log"))).as("the test JVM's output").contains("SCALE DONE");

        List<String> lines = Files.readAllLines(directory.resolve("samples.txt"));
        Sample before = Sample.parse(lines.get(0).substring("before ".length()));
        Sample after = Sample.parse(lines.get(lines.size() - 1).substring("after ".length()));
        List<Sample> during = lines.stream().filter(line -> line.startsWith("during ")).map(line -> Sample.parse(line.substring(7))).toList();
        Path failures = directory.resolve("failures.txt");
        String failed = Files.exists(failures) ? Files.readString(failures) : "";
        long inUse = childrenMeetingAddressInUse(directory.resolve("proctest"));
        Trend heap = Trend.of("heap KiB", during, Sample::heapKib);
        Trend threads = Trend.of("threads", during, Sample::threads);
        Trend fds = Trend.of("fds", during, Sample::fds);
        long mostChildren = during.stream().mapToLong(Sample::children).max().orElse(0);
        int mostRunning = during.stream().mapToInt(Sample::running).max().orElse(0);
        int tests = CLASSES * 5;
        Figures.record("scale", String.format(Locale.ROOT, "%s: %d tests in %.1f s, %d failed, %d children met 'address already in use';"
                        + " sampled every %d tests: %s; %s; %s; children at most %d, tests running at most %d; before the run heap %d KiB, %d threads, %d fds;"
                        + " after it heap %d KiB, %d threads, %d fds, %d children (load average at the end %s)",
                mode, tests, seconds, failed.split("FAILED ", -1).length - 1, inUse, EVERY, heap.describe(), threads.describe(),
                fds.describe(), mostChildren, mostRunning, before.heapKib(), before.threads(), before.fds(), after.heapKib(), after.threads(),
                after.fds(), after.children(), Files.readString(Path.of("/proc/loadavg")).strip()));

        assertThat(failed).as("failed tests").isEmpty();
        assertThat(inUse).as("children whose log says 'address already in use'").isZero();
        assertThat(during).as("samples").hasSize(tests / EVERY);
        assertThat(threads.floorGrowth()).as(threads.describe())
                .isLessThanOrEqualTo(mode.equals("parallel") ? PARALLEL_THREADS_BOUND : THREADS_BOUND);
        assertThat(fds.floorGrowth()).as(fds.describe()).isLessThanOrEqualTo(FDS_BOUND);
        assertThat(heap.floorGrowth()).as(heap.describe()).isLessThanOrEqualTo(HEAP_BOUND_KIB);
        assertThat(during).as("children alive at each sample: one a test running, the pool's and the helpers")
                .allSatisfy(sample -> assertThat(sample.children()).as("%s", sample).isLessThanOrEqualTo(sample.running() + POOL + HELPERS));
        assertThat(after.children()).as("children alive after the run").isZero();
    }

    /** How many of the run's child logs say "address already in use", in JeroMQ's words or the JDK's. */
    private static long childrenMeetingAddressInUse(Path reports) throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            return files.filter(file -> file.toString().endsWith(".log")).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains("address already in use");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package dev.proctest.reliability.scale;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Samples the test JVM it runs in: once before the run, after every {@code every}-th finished test,
 * and once after the run, as lines {@code before|during|after <sample>} of a samples file. Each
 * failed test goes to a failures file with its whole stack trace, each test's time to a file of
 * durations; with each sample the sockets held, and after the run the threads and open files
 * left, go to files of their own, to show what grew when something did.
 */
final class Sampler implements TestExecutionListener {

    private final int every;
    private final Path samples;
    private final Path failures;
    private final Path left;
    private final Path durations;
    private final Path open;
    private final AtomicInteger finished = new AtomicInteger();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    Sampler(int every, Path directory) {
        this.every = every;
        this.samples = directory.resolve("samples.txt");
        this.failures = directory.resolve("failures.txt");
        this.left = directory.resolve("left.txt");
        this.durations = directory.resolve("durations.txt");
        this.open = directory.resolve("sockets.txt");
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        write(samples, "before " + Sample.take(0, 0).line());
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Long start = started.remove(test.getUniqueId());
        write(durations, (System.nanoTime() - (start == null ? System.nanoTime() : start)) / 1_000_000 + " " + test.getDisplayName());
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            StringWriter trace = new StringWriter();
            result.getThrowable().ifPresent(throwable -> throwable.printStackTrace(new PrintWriter(trace)));
            write(failures, "FAILED " + test.getUniqueId() + " " + result.getStatus() + "\n" + trace);
        }
        int count = finished.incrementAndGet();
        if (count % every == 0) {
            synchronized (this) { // tests running in parallel sample one at a time
                write(samples, "during " + Sample.take(count, started.size()).line());
                write(open, "after " + count + " tests:\n" + Sockets.describeAll());
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        write(samples, "after " + Sample.take(finished.get(), started.size()).line());
        StringBuilder report = new StringBuilder("threads:\n");
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        Arrays.stream(threads).map(ThreadInfo::getThreadName).sorted().forEach(name -> report.append("  ").append(name).append('\n'));
        report.append("open files:\n");
        List<String> files = Sample.openFiles();
        files.stream().sorted().forEach(file -> report.append("  ").append(file).append('\n'));
        report.append("sockets:\n").append(Sockets.describeAll());
        write(left, report.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}

package dev.proctest.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two children log and answer remote runs while a process outside the test JVM ({@link
 * HostileSender}) sends the hub garbage; afterwards their logs must be whole, every answer right,
 * and the hub must still admit a new child. Run by {@link HubHostileTests}, which reads the
 * figures it leaves here.
 */
class HubUnderFireTestCase {

    /** How many frames the sender sends; set by the harness. */
    static volatile long frames = 10_000;
    /** The sender's last line, and what the run measured. */
    static volatile String sent;
    static volatile long runs;
    static volatile long logLines;
    static volatile long sendMillis;

    @ProcessTest
    void childrenWorkWhileTheHubIsUnderFire(Processes processes) throws IOException, InterruptedException {
        ChildProcess a = processes.spawn(JavaChild.main(Worker.class).name("worker-a").readyWhen(Ready.whenSignalled()));
        ChildProcess b = processes.spawn(JavaChild.main(Worker.class).name("worker-b").readyWhen(Ready.whenSignalled()));
        String hub = a.run(() -> System.getenv("PROCTEST_HUB")); // where the child was told the hub is
        Path output = Files.createTempFile("hostile-sender", ".out");
        long start = System.nanoTime();
        Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), HostileSender.class.getName(), hub, String.valueOf(frames), "20")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long answered = 0;
        while (sender.isAlive()) {
            long x = answered;
            assertThat(a.run(() -> x * x, Duration.ofSeconds(10))).isEqualTo(x * x);
            assertThat(b.run(() -> x + 1, Duration.ofSeconds(10))).isEqualTo(x + 1);
            answered++;
        }
        assertThat(sender.waitFor(1, TimeUnit.MINUTES)).isTrue();
        sendMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<String> said = Files.readAllLines(output);
        Files.delete(output);
        assertThat(sender.exitValue()).as("the sender: %s", said).isZero();
        sent = said.get(said.size() - 1);
        runs = answered;

        logLines = wholeLog(a) + wholeLog(b);
        ChildProcess late = processes.spawn(JavaChild.main(Worker.class).name("late").readyWhen(Ready.whenSignalled()));
        assertThat(late.run(() -> 42)).as("a child admitted after the storm").isEqualTo(42);
    }

    /** Stops the worker's logging and checks that every line it logged is in its log, once, in order. */
    private static long wholeLog(ChildProcess worker) {
        long logged = worker.run(Worker::finish);
        worker.logs().await("worker done " + logged);
        List<String> ticks = worker.logs().lines().stream().filter(line -> line.contains("tick ")).toList();
        assertThat(ticks).as("the lines of %s", worker.name()).hasSize((int) logged);
        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i)).as("line %d of %s", i, worker.name()).endsWith("tick " + i);
        }
        return logged;
    }
}

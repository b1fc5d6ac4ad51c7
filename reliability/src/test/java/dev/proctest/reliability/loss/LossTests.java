package dev.proctest.reliability.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import dev.proctest.reliability.TestJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing a child writes is lost or doubled, whichever way it ends, while the test JVM is slowed
 * down: a busy thread, a tiny heap, and a dead stop of the test JVM while the child writes its last
 * records and ends. Each trial is {@link LossTrialTestCase} in a test JVM of its own.
 */
class LossTests {

    private static final int RECORDS = Counts.of(50_000, 1_000_000);
    private static final int CALLS = Counts.of(5_000, 20_000);
    private static final Pattern VERDICT = Pattern.compile("^LOSS (\\S+) accounted=(\\d+) logged=(\\d+) lost=(\\d+) doubled=(\\d+).*$");

    /** Longer than a child used to wait for a test JVM that reads nothing as it ends, shorter than the heartbeat's timeout. */
    private static final long STALL_MILLIS = 7_000;

    /** Every route with the test JVM slowed; the long run also without the stop, and with it for every route that ends by itself. */
    @Test
    void aSlowedTestJvmGetsEveryRecordOfEveryRoute() throws Exception {
        if (Counts.LONG) {
            trial("busy thread, 96 MB heap", 0, "");
            trial("busy thread, 96 MB heap, stopped for 7 s as each child ends by itself", STALL_MILLIS, "return,stdout-return,exit,throw");
        } else {
            trial("busy thread, 96 MB heap, stopped for 7 s as the child returns", STALL_MILLIS, "return");
        }
    }

    private static void trial(String conditions, long stallMillis, String stalled) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx96m"));
        jvm.add("-Dloss.records=" + RECORDS);
        jvm.add("-Dloss.calls=" + CALLS);
        jvm.add("-Dloss.stall=" + stallMillis);
        jvm.add("-Dloss.stalled=" + stalled);
        jvm.add("-Dloss.seed=" + System.nanoTime());
        Path output = Files.createTempFile("loss-trial", ".txt");
        Process testJvm = new ProcessBuilder(TestJvm.command(jvm, 1, LossTrialTestCase.class))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean ended = testJvm.waitFor(Counts.of(5, 30), TimeUnit.MINUTES);
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(ended).as("the trial's test JVM ended; it printed:\n%s", printed).isTrue();
            long lost = 0;
            long doubled = 0;
            long records = 0;
            int routes = 0;
            for (String line : printed.split("\n")) {
                Matcher verdict = VERDICT.matcher(line);
                if (verdict.matches()) {
                    routes++;
                    records += Long.parseLong(verdict.group(2));
                    lost += Long.parseLong(verdict.group(4));
                    doubled += Long.parseLong(verdict.group(5));
                    Figures.record("loss", conditions + ": " + line);
                }
            }
            Figures.record("loss", conditions + ": " + routes + " routes, " + records + " records in the accounts, " + lost + " lost, "
                    + doubled + " doubled");
            assertThat(testJvm.exitValue()).as("the trial's test JVM's exit code; it printed:\n%s", printed).isZero();
            assertThat(routes).as("routes judged; the trial printed:\n%s", printed).isEqualTo(6);
        } finally {
            testJvm.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

}

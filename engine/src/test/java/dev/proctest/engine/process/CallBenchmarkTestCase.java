package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.AnswerTiming;
import dev.proctest.engine.children.Meter;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Sensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of {@link CallBenchmark}: a child that spies on {@link Meter} and one that does
 * not, each making the same calls in rounds, run inside them with {@code child.run}; and a child
 * whose sensor reads are answered by the test, timing each read.
 */
public class CallBenchmarkTestCase {

    private static final int CALLS = Integer.getInteger("calls", 200_000);
    private static final int ROUNDS = 5;
    private static final int ANSWERS = 10_000;

    @ProcessTest
    void measure(Processes processes) throws InterruptedException {
        ChildProcess plain = processes.spawn(JavaChild.main(Registry.class).name("plain").readyWhen(Ready.whenSignalled()));
        ChildProcess spied = processes.spawn(JavaChild.main(Registry.class).name("spied").spy(Meter.class).readyWhen(Ready.whenSignalled()));
        int calls = CALLS;
        plain.run(() -> Meter.flood(calls)); // warm-up
        spied.run(() -> Meter.flood(calls));
        awaitCalls(spied, calls + 2); // the ticks, the construction and the static flood itself

        List<Double> plainNanos = new ArrayList<>();
        List<Double> spiedNanos = new ArrayList<>();
        List<Double> perSecond = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            plainNanos.add((double) plain.run(() -> Meter.flood(calls)) / calls);
            long start = System.nanoTime();
            spiedNanos.add((double) spied.run(() -> Meter.flood(calls)) / calls);
            awaitCalls(spied, (long) (round + 1) * (calls + 2));
            perSecond.add(calls / ((System.nanoTime() - start) / 1e9));
        }
        ChildProcess answered = processes.spawn(JavaChild.main(Registry.class).name("answered").mock(Sensor.class)
                .answer(Sensor.class, "read", call -> 20.5).readyWhen(Ready.whenSignalled()));
        answered.run(() -> AnswerTiming.percentiles(5_000), Duration.ofMinutes(2)); // warm-up: the first calls take milliseconds
        long[] answerNanos = answered.run(() -> AnswerTiming.percentiles(ANSWERS), Duration.ofMinutes(2));

        System.out.printf("%d calls of Meter.tick(int) per round, %d rounds; %d cores, %s %s%n", calls, ROUNDS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("%-44s %s%n", "ns per call in the child, not recorded", format(plainNanos));
        System.out.printf("%-44s %s%n", "ns per call in the child, spied and recorded", format(spiedNanos));
        System.out.printf("%-44s %s%n", "recorded calls per second, child to test", format(perSecond));
        System.out.printf("%-44s p50 %,d us, p90 %,d us, p99 %,d us (%d calls)%n", "remote answer round trip, in the child",
                answerNanos[0] / 1_000, answerNanos[1] / 1_000, answerNanos[2] / 1_000, ANSWERS);
    }

    /** Waits until the child's recorder holds {@code count} calls (constructions included). */
    private static void awaitCalls(ChildProcess child, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (child.calls().calls().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + child.calls().calls().size() + " of " + count + " calls arrived");
            }
            Thread.sleep(5); // a benchmark's poll: the arrival time is measured to within it
        }
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format("%,.0f", value)).toList().toString();
    }
}

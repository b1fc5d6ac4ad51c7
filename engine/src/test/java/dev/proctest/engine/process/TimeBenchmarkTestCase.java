package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measurements of {@link TimeBenchmark}. The hysteresis is the heating controller's: a loop
 * reads a sensor every second of child time and switches once the reading has held for 10 s; the
 * sensor turns cold at a known child time, and the overshoot is how much later than 10 s after it
 * the switch came. A 1 s control period alone makes it 0 to 1 s.
 */
public class TimeBenchmarkTestCase {

    private static final double[] FACTORS = {100, 1_000, 10_000, 100_000};
    private static final int SPAWNS = 10;

    @ProcessTest
    void measure(Processes processes) {
        System.out.printf("%d cores, %s %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf("%-10s %-20s %-22s %-44s%n", "factor", "child s per real s", "a 1 s sleep lasts (ms)",
                "10 s hysteresis overshoot in child time (ms)");
        for (double factor : FACTORS) {
            ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("x" + (long) factor).timeFactor(factor)
                    .readyWhen(Ready.whenSignalled()));
            child.run(() -> overshoots(5)); // warm-up
            int episodes = factor < 1_000 ? 30 : 100;
            long childSecond = (long) factor * 1_000; // a second of real time
            long before = System.nanoTime();
            long childNanos = child.run(() -> sleep(childSecond), Duration.ofMinutes(5));
            double rate = childNanos / (double) (System.nanoTime() - before);
            long sleepNanos = child.run(TimeBenchmarkTestCase::sleepForAMinute, Duration.ofMinutes(5)) / 60;
            long[] overshoots = child.run(() -> overshoots(episodes), Duration.ofMinutes(5));
            Arrays.sort(overshoots);
            System.out.printf("%-10s %-20s %-22s p50 %,d  p90 %,d  max %,d  (%d switches)%n", String.format("%,.0f", factor),
                    String.format("%,.0f", rate), String.format("%,d", sleepNanos / 1_000_000), overshoots[overshoots.length / 2] / 1_000_000,
                    overshoots[overshoots.length * 9 / 10] / 1_000_000, overshoots[overshoots.length - 1] / 1_000_000, episodes);
            child.stop();
        }
        List<Long> plain = new ArrayList<>();
        List<Long> timed = new ArrayList<>();
        for (int i = 0; i < SPAWNS; i++) {
            plain.add(spawnMillis(processes, JavaChild.main(Registry.class).name("plain" + i)));
            timed.add(spawnMillis(processes, JavaChild.main(Registry.class).name("timed" + i).timeFactor(1000)));
        }
        System.out.printf("spawn to ready, median of %d: %d ms real time, %d ms with timeFactor(1000)%n", SPAWNS, median(plain),
                median(timed));
    }

    /** Sleeps once for {@code millis} of child time; returns the child time it took. */
    static long sleep(long millis) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        return System.nanoTime() - start;
    }

    /** A minute of child time in 1 s sleeps, as a control loop spends it; returns the child time it took. */
    static long sleepForAMinute() throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1_000);
        }
        return System.nanoTime() - start;
    }

    /** Runs the hysteresis {@code episodes} times; returns how much later than 10 s after the cold came each switch came. */
    public static long[] overshoots(int episodes) throws InterruptedException {
        long hysteresis = Duration.ofSeconds(10).toNanos();
        long[] overshoots = new long[episodes];
        for (int episode = 0; episode < episodes; episode++) {
            long cold = System.nanoTime() + Duration.ofMillis(2_500 + 137L * episode % 1_000).toNanos();
            long coldSince = Long.MIN_VALUE;
            while (true) {
                long now = System.nanoTime();
                boolean isCold = now - cold >= 0;
                if (isCold && coldSince == Long.MIN_VALUE) {
                    coldSince = now;
                }
                if (isCold && now - coldSince >= hysteresis) {
                    overshoots[episode] = now - cold - hysteresis;
                    break;
                }
                Thread.sleep(1_000);
            }
        }
        return overshoots;
    }

    private static long spawnMillis(Processes processes, JavaChild spec) {
        long start = System.nanoTime();
        ChildProcess child = processes.spawn(spec.readyWhen(Ready.whenSignalled()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        child.stop();
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}

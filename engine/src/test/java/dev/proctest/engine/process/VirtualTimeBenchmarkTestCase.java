package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The measurements of virtual time in {@link TimeBenchmark}: the real time a jump of the clock
 * takes, with and without a thread blocked in I/O (which waits for the grace); the CPU an idle
 * child spends with a virtual clock next to one without; and the 10 s hysteresis of {@link
 * TimeBenchmarkTestCase}, whose overshoot a virtual clock makes exact, alone and while another child
 * keeps a core busy.
 */
public class VirtualTimeBenchmarkTestCase {

    private static final long CLOCK_TICKS = 100; // USER_HZ: the unit of utime and stime in /proc/<pid>/stat

    @ProcessTest
    void measure(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("virtual").virtualTime().readyWhen(Ready.whenSignalled()));
        child.run(() -> jumps(200)); // warm-up
        System.out.printf("virtual time: a jump takes %,d us (2,000 sleeps of 1 ms)%n", child.run(() -> jumps(2_000)) / 1_000);
        hysteresis(child, "alone");
        ChildProcess busy = processes.spawn(JavaChild.main(Registry.class).name("busy").readyWhen(Ready.whenSignalled()));
        busy.run(() -> {
            Thread spinner = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait(); // keeps a core busy until the child stops
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            return null;
        });
        hysteresis(child, "a core kept busy by another child");
        busy.stop();
        int port = child.run(() -> {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepts = new Thread(() -> {
                try {
                    server.accept().close();
                } catch (IOException e) {
                    // ends with the child
                }
            });
            accepts.setDaemon(true);
            accepts.start();
            return server.getLocalPort();
        });
        System.out.printf("virtual time: a jump takes %,d us with a thread blocked in accept (200 sleeps of 1 ms, grace 5 ms), port %d%n",
                child.run(() -> jumps(200)) / 1_000, port);
        child.stop();

        ChildProcess idleVirtual = processes.spawn(JavaChild.main(Registry.class).name("idleVirtual").virtualTime()
                .readyWhen(Ready.whenSignalled()));
        ChildProcess idleReal = processes.spawn(JavaChild.main(Registry.class).name("idleReal").readyWhen(Ready.whenSignalled()));
        long virtualFrom = cpuTicks(idleVirtual.pid());
        long realFrom = cpuTicks(idleReal.pid());
        long start = System.nanoTime();
        try {
            Thread.sleep(10_000); // a period to measure over, not a wait for anything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.printf("idle child, CPU over %d s: %d ms with a virtual clock, %d ms without%n", seconds,
                (cpuTicks(idleVirtual.pid()) - virtualFrom) * 1000 / CLOCK_TICKS, (cpuTicks(idleReal.pid()) - realFrom) * 1000 / CLOCK_TICKS);
    }

    /**
     * Runs the 10 s hysteresis 100 times in {@code child}: how long after the first cold reading
     * each switch came (exactly 10 s on a virtual clock), and the overshoot after the cold itself,
     * which the 1 s period makes 0 to 1 s, as {@link TimeBenchmarkTestCase} reports it for factors.
     */
    private static void hysteresis(ChildProcess child, String load) {
        long before = System.nanoTime();
        long[] overshoots = child.run(() -> TimeBenchmarkTestCase.overshoots(100), Duration.ofMinutes(5));
        long real = System.nanoTime() - before;
        long[] afterReading = new long[overshoots.length];
        for (int episode = 0; episode < overshoots.length; episode++) {
            long coldMillis = 2_500 + 137L * episode % 1_000; // as overshoots() makes it; the loop reads at whole seconds
            afterReading[episode] = Duration.ofSeconds(10).toNanos() + overshoots[episode]
                    - Duration.ofMillis((coldMillis + 999) / 1_000 * 1_000 - coldMillis).toNanos();
        }
        Arrays.sort(overshoots);
        Arrays.sort(afterReading);
        System.out.printf("virtual time, %s: 10 s hysteresis switched %,.3f to %,.3f s after the first cold reading; overshoot after the"
                + " cold p50 %,d ms, max %,d ms (100 switches, %,d ms real)%n", load, afterReading[0] / 1e9, afterReading[99] / 1e9,
                overshoots[50] / 1_000_000, overshoots[99] / 1_000_000, real / 1_000_000);
    }

    /** Sleeps 1 ms {@code count} times; returns the real nanoseconds per sleep, which is one jump each. */
    static long jumps(int count) throws InterruptedException {
        long start = real();
        for (int i = 0; i < count; i++) {
            Thread.sleep(1);
        }
        return (real() - start) / count;
    }

    /** The real time: {@link java.lang.management.ManagementFactory}'s uptime is not rewritten. */
    private static long real() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
    }
}

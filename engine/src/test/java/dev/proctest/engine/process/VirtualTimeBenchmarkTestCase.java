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
 * TimeBenchmarkTestCase}, whose overshoot a virtual clock makes exact.
 */
public class VirtualTimeBenchmarkTestCase {

    private static final long CLOCK_TICKS = 100; // USER_HZ: the unit of utime and stime in /proc/<pid>/stat

    @ProcessTest
    void measure(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("virtual").virtualTime().readyWhen(Ready.whenSignalled()));
        child.run(() -> jumps(200)); // warm-up
        System.out.printf("virtual time: a jump takes %,d us (2,000 sleeps of 1 ms)%n", child.run(() -> jumps(2_000)) / 1_000);
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
        long before = System.nanoTime();
        long[] overshoots = child.run(() -> TimeBenchmarkTestCase.overshoots(100), Duration.ofMinutes(5));
        long real = System.nanoTime() - before;
        Arrays.sort(overshoots);
        System.out.printf("virtual time: 10 s hysteresis overshoot in child time p50 %,d ms, max %,d ms (100 switches, %,d ms real)%n",
                overshoots[50] / 1_000_000, overshoots[99] / 1_000_000, real / 1_000_000);
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

package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every time source the system under test may use, in a child whose time runs 1000 times faster.
 * Each lambda runs inside the child, where this class is on child time; the test measures real
 * time around it. A wait of {@code d} must read as at least {@code d} on the child's clocks, and
 * take less real time than {@code d}: at most the real time measured around it, times the factor.
 */
public class TimeTestCase {

    private static final double FACTOR = 1000;
    private static final long SECOND = 1_000_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).timeFactor(FACTOR).readyWhen(Ready.whenSignalled()));
    }

    /** Runs a measurement of elapsed child times in the child; checks them against the real time it took. */
    private static long[] measure(dev.proctest.RemoteCallable<long[]> inChild) {
        long before = System.nanoTime();
        long[] childNanos = child.run(inChild);
        long realNanos = System.nanoTime() - before;
        for (long elapsed : childNanos) {
            assertThat(elapsed).as("child time cannot pass faster than real time times the factor").isLessThanOrEqualTo(
                    (long) (realNanos * FACTOR));
        }
        return childNanos;
    }

    private static List<Long> list(long[] values) {
        return LongStream.of(values).boxed().toList();
    }

    @ProcessTest
    void aSleepReadsAsItsLengthOnEveryClock() {
        long before = System.nanoTime();
        long[] elapsed = measure(() -> {
            long nanos = System.nanoTime();
            long millis = System.currentTimeMillis();
            java.time.Instant instant = java.time.Instant.now();
            Thread.sleep(10_000);
            return new long[] {System.nanoTime() - nanos, (System.currentTimeMillis() - millis) * 1_000_000,
                    Duration.between(instant, java.time.Instant.now()).toNanos()};
        });
        assertThat(list(elapsed)).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(10 * SECOND - 1_000_000));
        assertThat(System.nanoTime() - before).as("10 s of child time in real time").isLessThan(5 * SECOND);
    }

    /** Calls {@code sleep} unqualified, as subclasses of {@code Thread} do: the call's owner is this class. */
    static final class Worker extends Thread {

        long sleptNanos;

        @Override
        public void run() {
            long start = System.nanoTime();
            try {
                sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            sleptNanos = System.nanoTime() - start;
        }
    }

    @ProcessTest
    void aThreadSubclassSleepsOnChildTimeToo() {
        long[] elapsed = measure(() -> {
            Worker worker = new Worker();
            worker.start();
            worker.join();
            return new long[] {worker.sleptNanos};
        });
        assertThat(elapsed[0]).isGreaterThanOrEqualTo(20 * SECOND);
    }

    @ProcessTest
    void sleepsMixWithNanoTimeDeadlines() {
        long[] result = measure(() -> {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            long sleeps = 0;
            while (System.nanoTime() < deadline) {
                if (sleeps % 2 == 0) {
                    Thread.sleep(1000);
                } else {
                    TimeUnit.MILLISECONDS.sleep(1000);
                }
                sleeps++;
            }
            return new long[] {System.nanoTime() - start, sleeps};
        });
        assertThat(result[0]).isGreaterThanOrEqualTo(30 * SECOND);
        assertThat(result[1]).as("each sleep is at least a second of child time").isBetween(1L, 30L);
    }

    @ProcessTest
    void timedWaitsOnMonitorsAndThreads() {
        long[] elapsed = measure(() -> {
            Object monitor = new Object();
            long start = System.nanoTime();
            synchronized (monitor) {
                monitor.wait(5_000);
            }
            long waited = System.nanoTime() - start;
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(Duration.ofHours(1).toMillis());
                } catch (InterruptedException e) {
                    // ends the sleeper
                }
            });
            sleeper.start();
            start = System.nanoTime();
            sleeper.join(3_000);
            long joined = System.nanoTime() - start;
            boolean sleeperAlive = sleeper.isAlive();
            start = System.nanoTime();
            synchronized (monitor) {
                TimeUnit.SECONDS.timedWait(monitor, 2);
            }
            long timedWait = System.nanoTime() - start;
            start = System.nanoTime();
            TimeUnit.SECONDS.timedJoin(sleeper, 2);
            long timedJoin = System.nanoTime() - start;
            sleeper.interrupt();
            sleeper.join();
            return new long[] {waited - 5 * SECOND, joined - 3 * SECOND, timedWait - 2 * SECOND, timedJoin - 2 * SECOND,
                    sleeperAlive ? 1 : 0};
        });
        assertThat(list(elapsed)).allSatisfy(beyond -> assertThat(beyond).isGreaterThanOrEqualTo(-1_000_000));
        assertThat(elapsed[4]).as("the sleeper sleeps an hour of child time: still alive after a 3 s join").isEqualTo(1);
    }

    @ProcessTest
    void parkingForAndUntil() {
        long[] elapsed = measure(() -> {
            long start = System.nanoTime();
            long deadline = start + 4 * SECOND;
            for (long left = 4 * SECOND; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left); // may return early, as parking does: code loops on its deadline
            }
            long parked = System.nanoTime() - start;
            long until = System.currentTimeMillis() + 3_000;
            start = System.nanoTime();
            while (System.currentTimeMillis() < until) {
                LockSupport.parkUntil(until);
            }
            return new long[] {parked, System.nanoTime() - start};
        });
        assertThat(elapsed[0]).isGreaterThanOrEqualTo(4 * SECOND);
        assertThat(elapsed[1]).isGreaterThanOrEqualTo(2 * SECOND); // until is in whole milliseconds
    }

    @ProcessTest
    void timedWaitsOfJavaUtilConcurrent() {
        long[] elapsed = measure(() -> {
            List<Long> beyond = new ArrayList<>();
            ReentrantLock lock = new ReentrantLock();
            Condition condition = lock.newCondition();
            lock.lock();
            try {
                long start = System.nanoTime();
                boolean signalled = condition.await(3, TimeUnit.SECONDS);
                beyond.add(signalled ? Long.MIN_VALUE : System.nanoTime() - start - 3 * SECOND);
                start = System.nanoTime();
                long left = condition.awaitNanos(2 * SECOND);
                beyond.add(left > 0 ? Long.MIN_VALUE : System.nanoTime() - start - 2 * SECOND);
                start = System.nanoTime();
                signalled = condition.awaitUntil(new java.util.Date(System.currentTimeMillis() + 2_000));
                beyond.add(signalled ? Long.MIN_VALUE : System.nanoTime() - start - 2 * SECOND + 1_000_000);
            } finally {
                lock.unlock();
            }
            long start = System.nanoTime();
            boolean counted = new CountDownLatch(1).await(2, TimeUnit.SECONDS);
            beyond.add(counted ? Long.MIN_VALUE : System.nanoTime() - start - 2 * SECOND);
            start = System.nanoTime();
            Object polled = new ArrayBlockingQueue<String>(1).poll(2, TimeUnit.SECONDS);
            beyond.add(polled != null ? Long.MIN_VALUE : System.nanoTime() - start - 2 * SECOND);
            start = System.nanoTime();
            boolean acquired = new Semaphore(0).tryAcquire(1, 2, TimeUnit.SECONDS);
            beyond.add(acquired ? Long.MIN_VALUE : System.nanoTime() - start - 2 * SECOND);
            start = System.nanoTime();
            try {
                new CyclicBarrier(2).await(2, TimeUnit.SECONDS);
                beyond.add(Long.MIN_VALUE);
            } catch (TimeoutException e) {
                beyond.add(System.nanoTime() - start - 2 * SECOND);
            }
            start = System.nanoTime();
            try {
                new CompletableFuture<String>().get(2, TimeUnit.SECONDS);
                beyond.add(Long.MIN_VALUE);
            } catch (TimeoutException e) {
                beyond.add(System.nanoTime() - start - 2 * SECOND);
            }
            return beyond.stream().mapToLong(Long::longValue).toArray();
        });
        assertThat(list(elapsed)).hasSize(8).allSatisfy(beyond -> assertThat(beyond).isGreaterThanOrEqualTo(-1_000_000));
    }

    @ProcessTest
    void scheduledExecutorDelaysAndFixedRates() {
        long[] ticks = child.run(() -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
            try {
                long[] times = new long[21];
                CountDownLatch done = new CountDownLatch(times.length);
                long scheduled = System.nanoTime();
                ScheduledFuture<?> delayed = executor.schedule(() -> { }, 1, TimeUnit.HOURS);
                long delay = delayed.getDelay(TimeUnit.SECONDS);
                delayed.cancel(false);
                int[] tick = {0};
                ScheduledFuture<?> rate = executor.scheduleAtFixedRate(() -> {
                    if (tick[0] < times.length) {
                        times[tick[0]++] = System.nanoTime() - scheduled;
                        done.countDown();
                    }
                }, 0, 1, TimeUnit.SECONDS);
                done.await();
                rate.cancel(false);
                long start = System.nanoTime();
                long ran = executor.schedule(System::nanoTime, 10, TimeUnit.SECONDS).get() - start;
                long[] result = new long[times.length + 2];
                System.arraycopy(times, 0, result, 0, times.length);
                result[times.length] = ran;
                result[times.length + 1] = delay * SECOND;
                return result;
            } finally {
                executor.shutdownNow();
            }
        });
        for (int n = 0; n < 21; n++) {
            assertThat(ticks[n]).as("tick %d of a 1 s fixed rate", n).isGreaterThanOrEqualTo(n * SECOND);
        }
        assertThat(ticks[21]).as("a task scheduled 10 s ahead").isGreaterThanOrEqualTo(10 * SECOND);
        assertThat(ticks[22]).as("the delay left of a task an hour ahead").isBetween(3000 * SECOND, 3600 * SECOND);
    }

    @ProcessTest
    void clocksOfJavaTimeAndMethodReferencesAgreeWithTheTestsViewOfTheChild() {
        long before = child.clock().millis();
        long[] readings = child.run(() -> {
            LongSupplier nanoTime = System::nanoTime;
            java.util.function.Supplier<java.time.Instant> now = java.time.Instant::now;
            long nanos = nanoTime.getAsLong();
            long instant = now.get().toEpochMilli();
            Thread.sleep(60_000);
            return new long[] {instant, java.time.Clock.systemUTC().millis(), new java.util.Date().getTime(),
                    java.time.ZonedDateTime.now().toInstant().toEpochMilli(),
                    java.time.LocalDateTime.now().atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli(),
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toInstant().toEpochMilli(), nanoTime.getAsLong() - nanos};
        });
        long after = child.clock().millis();
        // The JVMs read the machine's clock at different moments, and the child counts from nanoTime, which an adjusted wall clock
        // may drift from by a few parts in 10,000: 5 ms of real time.
        long tolerance = 5_000;
        assertThat(readings[0]).isBetween(before - tolerance, after + tolerance);
        for (int i = 1; i < 6; i++) {
            assertThat(readings[i]).as("clock %d after the minute's sleep", i).isBetween(readings[0] + 60_000 - 1, after + tolerance);
        }
        assertThat(readings[6]).as("nanoTime through a method reference").isGreaterThanOrEqualTo(60 * SECOND);
    }
}

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;

/**
 * Scheduled executors on a virtual clock: a fixed-rate task's tick n comes at exactly n periods of
 * child time, a fixed-delay task's next run its delay after the end of the previous one, and
 * one-shot tasks at exactly their delay; {@code CompletableFuture}'s delayed executors likewise.
 */
public class VirtualSchedulesTestCase {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void aFixedRateTaskTicksAtExactlyEachPeriodOfChildTimeAndFarFasterInRealTime() {
        long before = System.nanoTime();
        List<Long> ticks = child.run(() -> {
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
            ConcurrentLinkedQueue<Long> at = new ConcurrentLinkedQueue<>();
            CountDownLatch fifty = new CountDownLatch(50);
            long start = System.nanoTime();
            ScheduledFuture<?> ticking = scheduler.scheduleAtFixedRate(() -> {
                at.add(System.nanoTime() - start);
                fifty.countDown();
            }, 1, 1, TimeUnit.SECONDS);
            fifty.await();
            ticking.cancel(false);
            scheduler.shutdown();
            return new ArrayList<>(at);
        });
        long real = System.nanoTime() - before;

        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= 50; n++) {
            expected.add(n * SECOND);
        }
        assertThat(ticks).containsExactlyElementsOf(expected);
        assertThat(real).as("50 s of child time, in real time").isLessThan(10 * SECOND);
    }

    @ProcessTest
    void aFixedDelayTaskThatSleepsRunsItsDelayAfterEachRunEnds() {
        List<Long> starts = child.run(() -> {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
            ConcurrentLinkedQueue<Long> at = new ConcurrentLinkedQueue<>();
            CountDownLatch five = new CountDownLatch(5);
            long start = System.nanoTime();
            scheduler.scheduleWithFixedDelay(() -> {
                at.add(System.nanoTime() - start);
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                five.countDown();
            }, 500, 1000, TimeUnit.MILLISECONDS);
            five.await();
            scheduler.shutdownNow();
            return new ArrayList<>(at);
        });
        assertThat(starts).containsExactly(500 * MILLI, 1800 * MILLI, 3100 * MILLI, 4400 * MILLI, 5700 * MILLI);
    }

    @ProcessTest
    void aScheduledCallableRunsAtItsDelayAndTellsItsDelayInChildTime() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            long start = System.nanoTime();
            ScheduledFuture<String> later = scheduler.schedule(() -> "done at " + (System.nanoTime() - start) / MILLI, 10, TimeUnit.SECONDS);
            ScheduledFuture<?> ticking = scheduler.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.HOURS);
            Thread.sleep(3000);
            seen.add("delay " + later.getDelay(TimeUnit.MILLISECONDS) + " periodic "
                    + ((RunnableScheduledFuture<?>) later).isPeriodic() + " " + ((RunnableScheduledFuture<?>) ticking).isPeriodic());
            seen.add(later.get());
            seen.add("after " + (System.nanoTime() - start) / MILLI);
            ticking.cancel(false);
            scheduler.shutdown();
            seen.add("terminated " + scheduler.awaitTermination(1, TimeUnit.MINUTES));
            return seen;
        });
        assertThat(result).containsExactly("delay 7000 periodic false true", "done at 10000", "after 10000", "terminated true");
    }

    @ProcessTest
    void aCancelledTaskNeverRunsAndAPeriodicTaskThatThrowsStops() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, Executors.defaultThreadFactory());
            AtomicInteger cancelledRuns = new AtomicInteger();
            Runnable count = cancelledRuns::incrementAndGet;
            ScheduledFuture<?> cancelled = scheduler.schedule(count, 5, TimeUnit.SECONDS);
            AtomicInteger runs = new AtomicInteger();
            long start = System.nanoTime();
            ScheduledFuture<?> failing = scheduler.scheduleAtFixedRate(() -> {
                if (runs.incrementAndGet() == 3) {
                    throw new IllegalStateException("third run");
                }
            }, 1, 1, TimeUnit.SECONDS);
            Thread.sleep(1500);
            seen.add("cancel " + cancelled.cancel(false) + " " + cancelled.isCancelled());
            try {
                failing.get();
            } catch (ExecutionException e) {
                seen.add("failed " + e.getCause().getMessage() + " at " + (System.nanoTime() - start) / MILLI);
            }
            Thread.sleep(10_000);
            seen.add("runs " + runs.get() + " cancelled runs " + cancelledRuns.get());
            scheduler.shutdown();
            return seen;
        });
        assertThat(result).containsExactly("cancel true true", "failed third run at 3000", "runs 3 cancelled runs 0");
    }

    @ProcessTest
    void shutdownCancelsTheTasksNotYetDueAndRejectsNewOnes() {
        List<String> result = child.run(() -> {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1, (task, pool) -> seen.add("rejected"));
            ScheduledFuture<?> once = scheduler.schedule(() -> seen.add("ran"), 5, TimeUnit.SECONDS);
            ScheduledFuture<?> ticking = scheduler.scheduleWithFixedDelay(() -> seen.add("ticked"), 1, 1, TimeUnit.SECONDS);
            scheduler.shutdown();
            scheduler.schedule(() -> seen.add("too late"), 1, TimeUnit.SECONDS);
            long start = System.nanoTime();
            seen.add("terminated " + scheduler.awaitTermination(1, TimeUnit.HOURS) + " after " + (System.nanoTime() - start) / MILLI);
            seen.add("cancelled " + once.isCancelled() + " " + ticking.isCancelled());
            ScheduledExecutorService stopped = Executors.newScheduledThreadPool(1);
            stopped.schedule(() -> seen.add("ran"), 5, TimeUnit.SECONDS);
            stopped.scheduleAtFixedRate(() -> seen.add("ticked"), 1, 1, TimeUnit.SECONDS);
            seen.add("never ran " + stopped.shutdownNow().size());
            Thread.sleep(10_000);
            return new ArrayList<>(seen);
        });
        assertThat(result).containsExactly("rejected", "terminated true after 0", "cancelled true true", "never ran 2");
    }

    @ProcessTest
    void delayedExecutorsHandTheirTasksOnAtExactlyTheirDelay() {
        List<String> result = child.run(() -> {
            long start = System.nanoTime();
            String common = CompletableFuture.supplyAsync(() -> "common " + (System.nanoTime() - start) / MILLI,
                    CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS)).get();
            ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
            String onOwn = CompletableFuture.supplyAsync(() -> "own " + (System.nanoTime() - start) / MILLI,
                    CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS, own)).get();
            own.shutdown();
            return List.of(common, onOwn);
        });
        assertThat(result).containsExactly("common 2000", "own 3500");
    }

    @ProcessTest
    void tasksScheduledFromEightThreadsAtOnceRunInTheOrderOfTheirDeadlinesEachAtItsOwn() {
        List<long[]> runs = child.run(() -> {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(3);
            ConcurrentLinkedQueue<long[]> at = new ConcurrentLinkedQueue<>();
            CountDownLatch all = new CountDownLatch(8 * 6);
            CountDownLatch go = new CountDownLatch(1);
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 6; i++) {
                        long millis = 100 + (seed * 37 + i * 53) % 40 * 25;
                        scheduler.schedule(() -> {
                            at.add(new long[] {millis, (System.nanoTime() - start) / MILLI});
                            all.countDown();
                        }, millis, TimeUnit.MILLISECONDS);
                    }
                }));
            }
            threads.forEach(Thread::start);
            go.countDown();
            all.await();
            scheduler.shutdown();
            return new ArrayList<>(at);
        });
        assertThat(runs).hasSize(48);
        assertThat(runs).allSatisfy(run -> assertThat(run[1]).as("ran at its delay").isEqualTo(run[0]));
        assertThat(runs).extracting(run -> run[1]).isSorted();
    }

    @ProcessTest
    void aFixedRateProducerAndEightConsumersPollingWithTimeoutsEachSeeExactlyTheirChildTime() {
        long before = System.nanoTime();
        List<String> result = child.run(() -> {
            ScheduledExecutorService sensor = Executors.newScheduledThreadPool(4);
            BlockingQueue<Long> readings = new LinkedBlockingQueue<>();
            AtomicInteger consumed = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger timeouts = new AtomicInteger();
            long start = System.nanoTime();
            AtomicInteger ticks = new AtomicInteger();
            sensor.scheduleAtFixedRate(() -> {
                if (ticks.incrementAndGet() <= 300) {
                    readings.add(System.nanoTime() - start);
                }
            }, 10, 10, TimeUnit.MILLISECONDS);
            List<Thread> consumers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                consumers.add(new Thread(() -> {
                    try {
                        while (consumed.get() < 300) {
                            long polled = System.nanoTime();
                            Long reading = readings.poll(7, TimeUnit.MILLISECONDS);
                            long now = System.nanoTime();
                            if (reading == null) {
                                timeouts.incrementAndGet();
                                if (now - polled != 7 * MILLI) {
                                    wrong.add("timed out after " + (now - polled));
                                }
                            } else {
                                consumed.incrementAndGet();
                                if (now - start != reading || reading % (10 * MILLI) != 0) {
                                    wrong.add("reading of " + reading + " at " + (now - start));
                                }
                            }
                        }
                    } catch (InterruptedException e) {
                        wrong.add("interrupted");
                    }
                }));
            }
            consumers.forEach(Thread::start);
            for (Thread consumer : consumers) {
                consumer.join();
            }
            sensor.shutdownNow();
            return List.of("consumed " + consumed.get(), "wrong " + wrong, "timed out " + (timeouts.get() > 300));
        }, Duration.ofSeconds(60));
        long real = System.nanoTime() - before;

        assertThat(result).containsExactly("consumed 300", "wrong []", "timed out true");
        assertThat(real).as("3 s of child time, about 700 jumps of the clock, in real time").isLessThan(30 * SECOND);
    }
}

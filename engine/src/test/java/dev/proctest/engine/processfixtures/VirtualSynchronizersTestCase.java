package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ConcurrentTimeouts;
import dev.proctest.engine.children.Registry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;

/**
 * Latches, semaphores, locks, barriers, exchangers, phasers and executors with a timeout on a
 * virtual clock: each times out at exactly its length of child time with what the JDK returns on
 * a timeout; an interrupt of the system under test still throws; a timeout of zero or below does
 * not wait and one of {@link Long#MAX_VALUE} does not move the clock.
 */
public class VirtualSynchronizersTestCase {

    private static final long MILLI = 1_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void synchronizersTimeOutAtTheirDeadlineWithFalse() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            long start = System.nanoTime();
            seen.add(new CountDownLatch(1).await(2, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            Semaphore semaphore = new Semaphore(1);
            start = System.nanoTime();
            seen.add(semaphore.tryAcquire(2, 1, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            semaphore.acquire();
            start = System.nanoTime();
            seen.add(semaphore.tryAcquire(500, TimeUnit.MILLISECONDS) + " " + (System.nanoTime() - start) / MILLI);
            Lock lock = new ReentrantLock();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                lock.lock();
                try {
                    held.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lock.unlock();
                }
            });
            holder.start();
            held.await();
            start = System.nanoTime();
            seen.add(lock.tryLock(3, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            release.countDown();
            holder.join();
            ExecutorService executor = Executors.newFixedThreadPool(1);
            CountDownLatch busy = new CountDownLatch(1);
            executor.execute(() -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            executor.shutdown();
            start = System.nanoTime();
            seen.add(executor.awaitTermination(4, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            busy.countDown();
            start = System.nanoTime();
            seen.add(executor.awaitTermination(1, TimeUnit.HOURS) + " " + (System.nanoTime() - start) / MILLI);
            return seen;
        });
        assertThat(result).containsExactly("false 2000", "false 1000", "false 500", "false 3000", "false 4000", "true 0");
    }

    @ProcessTest
    void barriersExchangersAndPhasersThrowATimeoutExceptionAtTheirDeadline() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            CyclicBarrier barrier = new CyclicBarrier(2);
            long start = System.nanoTime();
            try {
                barrier.await(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                seen.add("barrier timed out " + (System.nanoTime() - start) / MILLI + " broken " + barrier.isBroken());
            }
            start = System.nanoTime();
            try {
                new Exchanger<String>().exchange("mine", 2, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                seen.add("exchange timed out " + (System.nanoTime() - start) / MILLI);
            }
            Phaser phaser = new Phaser(2);
            int phase = phaser.arrive();
            start = System.nanoTime();
            try {
                phaser.awaitAdvanceInterruptibly(phase, 3, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                seen.add("phase timed out " + (System.nanoTime() - start) / MILLI + " still " + phaser.getPhase());
            }
            Exchanger<String> exchanger = new Exchanger<>();
            Thread partner = new Thread(() -> {
                try {
                    Thread.sleep(700);
                    exchanger.exchange("theirs");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            partner.start();
            start = System.nanoTime();
            seen.add("exchanged " + exchanger.exchange("mine", 1, TimeUnit.HOURS) + " " + (System.nanoTime() - start) / MILLI);
            partner.join();
            try {
                barrier.await(1, TimeUnit.SECONDS);
            } catch (BrokenBarrierException e) {
                seen.add("still broken");
            }
            return seen;
        });
        assertThat(result).containsExactly("barrier timed out 1000 broken true", "exchange timed out 2000", "phase timed out 3000 still 0",
                "exchanged theirs 700", "still broken");
    }

    @ProcessTest
    void anInterruptOfTheSystemUnderTestStillThrowsFromATimedWait() {
        List<String> ended = child.run(() -> {
            List<String> endings = Collections.synchronizedList(new ArrayList<>());
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            CountDownLatch latch = new CountDownLatch(1);
            Future<?> future = new CompletableFuture<>();
            List<Thread> threads = List.of(
                    new Thread(() -> endings.add(ending(() -> queue.poll(1, TimeUnit.HOURS), "poll"))),
                    new Thread(() -> endings.add(ending(() -> latch.await(2, TimeUnit.HOURS), "await"))),
                    new Thread(() -> endings.add(ending(() -> future.get(3, TimeUnit.HOURS), "get"))));
            threads.forEach(Thread::start);
            Thread.sleep(1000); // the clock reaches 1 s only once all three wait: an hour is later
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join();
            }
            return new ArrayList<>(endings);
        });
        assertThat(ended).containsExactlyInAnyOrder("poll interrupted", "await interrupted", "get interrupted");
    }

    @ProcessTest
    void aTimeoutOfZeroOrBelowDoesNotWaitAndOneOfLongMaxValueDoesNotMoveTheClock() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            long start = System.nanoTime();
            seen.add(queue.poll(0, TimeUnit.SECONDS) + " " + queue.poll(-5, TimeUnit.SECONDS) + " "
                    + new CountDownLatch(1).await(-1, TimeUnit.DAYS) + " " + (System.nanoTime() - start) / MILLI);
            Object monitor = new Object();
            List<Thread> forever = List.of(new Thread(() -> ending(() -> {
                Thread.sleep(Long.MAX_VALUE);
                return null;
            }, "sleep")), new Thread(() -> ending(() -> {
                synchronized (monitor) {
                    monitor.wait(Long.MAX_VALUE);
                }
                return null;
            }, "wait")));
            forever.forEach(Thread::start);
            Timer realTime = new Timer(true); // its own waits are the JDK's: 300 ms of real time
            realTime.schedule(adding(queue, "from outside"), 300);
            start = System.nanoTime();
            seen.add(queue.poll(Long.MAX_VALUE, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            realTime.cancel();
            forever.forEach(Thread::interrupt);
            for (Thread thread : forever) {
                thread.join();
            }
            return seen;
        });
        assertThat(result).containsExactly("null null false 0", "from outside 0");
    }

    @ProcessTest
    void onlyACallThatStillWaitsInRealTimeWarnsAndOnlyOnce(Processes processes) {
        ChildProcess covered = processes.spawn(JavaChild.main(ConcurrentTimeouts.class).name("covered").virtualTime()
                .readyWhen(Ready.afterExit()));
        ChildProcess uncovered = processes.spawn(JavaChild.main(ConcurrentTimeouts.class).args("uncovered").name("uncovered")
                .virtualTime().readyWhen(Ready.afterExit()));

        assertThat(covered.logs().records()).extracting(LogRecord::message).containsExactly("moved: 4000");
        assertThat(uncovered.logs().records()).extracting(LogRecord::message).containsExactlyInAnyOrder("moved: 4000",
                "proctest: on a virtual clock, a java.util.concurrent timeout or schedule waits in real time, and the clock may jump"
                        + " past it: a call with a timeout other than the common blocking ones, or a schedule on an executor made outside"
                        + " the rewritten classes or by a subclass of ScheduledThreadPoolExecutor");
    }

    private static TimerTask adding(BlockingQueue<String> queue, String element) {
        return new TimerTask() {
            @Override
            public void run() {
                queue.add(element);
            }
        };
    }

    private interface Wait {
        Object await() throws Exception;
    }

    private static String ending(Wait wait, String name) {
        try {
            wait.await();
            return name + " returned";
        } catch (InterruptedException e) {
            return name + " interrupted";
        } catch (Exception e) {
            return name + " " + e;
        }
    }
}

package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.NeverWaits;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.SteppedSleeps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;

/**
 * Children on a virtual clock: every wait reads exactly its length of child time, the clock jumps
 * from deadline to deadline in their order and never goes back, and a child that never waits still
 * runs. Each lambda runs inside the child, where this class is on child time.
 */
public class VirtualTimeTestCase {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void aMainThatSleepsTenSecondsInStepsOfOneReadsExactlyOneSecondPerStepAndEndsSoon(Processes processes) {
        long before = System.nanoTime();
        ChildProcess sleeper = processes.spawn(JavaChild.main(SteppedSleeps.class).virtualTime().readyWhen(Ready.afterExit()));
        long real = System.nanoTime() - before;

        String steps = "[" + String.join(", ", Collections.nCopies(10, "1000000000")) + "] / ["
                + String.join(", ", Collections.nCopies(10, "1000")) + "]";
        assertThat(sleeper.logs().records()).extracting(LogRecord::message).contains("steps: " + steps);
        assertThat(real).as("10 s of child time, in real time with the JVM's start").isLessThan(8 * SECOND);
    }

    @ProcessTest
    void aChildThatNeverWaitsRunsAndItsClockStandsStill(Processes processes) {
        ChildProcess busy = processes.spawn(JavaChild.main(NeverWaits.class).virtualTime().readyWhen(Ready.afterExit()));

        assertThat(busy.exitCode()).hasValue(0);
        assertThat(busy.logs().records()).extracting(LogRecord::message).contains("moved: 0 0 599999994");
    }

    @ProcessTest
    void theTestReadsTheVirtualClockAsTheChildDoes() {
        Instant before = child.clock().instant();
        Instant inChild = child.run(() -> {
            Thread.sleep(Duration.ofHours(1).toMillis());
            return Instant.now();
        });
        Instant after = child.clock().instant();

        assertThat(Duration.between(before, after)).as("the clock stands still but for the hour slept").isEqualTo(Duration.ofHours(1));
        assertThat(inChild).isEqualTo(after);
    }

    @ProcessTest
    void threadsSleepingDifferentLengthsWakeInTheOrderOfTheirDeadlinesAndTheClockNeverGoesBack() {
        List<Long> woken = child.run(() -> {
            ConcurrentLinkedQueue<Long> wakes = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (long millis : new long[] {5000, 1000, 3000, 1000, 2000, 4000, 3000}) {
                threads.add(new Thread(() -> {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        return;
                    }
                    wakes.add(System.nanoTime() - start);
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            return new ArrayList<>(wakes);
        });
        assertThat(woken).containsExactly(1000 * MILLI, 1000 * MILLI, 2000 * MILLI, 3000 * MILLI, 3000 * MILLI, 4000 * MILLI,
                5000 * MILLI);
    }

    @ProcessTest
    void manyThreadsSleepingAtOnceEachReadExactlyWhatTheySlept() {
        List<Long> errors = child.run(() -> {
            ConcurrentLinkedQueue<Long> wrong = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int seed = t;
                threads.add(new Thread(() -> {
                    long last = System.nanoTime();
                    for (int step = 0; step < 20; step++) {
                        long millis = 1 + (seed * 31L + step * 17L) % 50;
                        try {
                            Thread.sleep(millis);
                        } catch (InterruptedException e) {
                            wrong.add(-1L);
                            return;
                        }
                        long now = System.nanoTime();
                        if (now - last != millis * MILLI) {
                            wrong.add(now - last - millis * MILLI);
                        }
                        last = now;
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            return new ArrayList<>(wrong);
        });
        assertThat(errors).as("how far each wrong wake-up was off").isEmpty();
    }

    @ProcessTest
    void timedWaitsOnAMonitorEndAtTheirDeadlineOrWhenNotifiedWithNoInterruptLeft() {
        long[] result = child.run(() -> {
            Object monitor = new Object();
            long start = System.nanoTime();
            synchronized (monitor) {
                monitor.wait(2500);
            }
            long timedOut = System.nanoTime() - start;
            boolean interruptLeft = Thread.interrupted();
            Thread notifier = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            });
            start = System.nanoTime();
            synchronized (monitor) {
                notifier.start();
                monitor.wait(5000);
            }
            long notified = System.nanoTime() - start;
            notifier.join();
            start = System.nanoTime();
            synchronized (monitor) {
                TimeUnit.SECONDS.timedWait(monitor, 3);
            }
            return new long[] {timedOut, interruptLeft ? 1 : 0, notified, System.nanoTime() - start};
        });
        assertThat(result).containsExactly(2500 * MILLI, 0, 1000 * MILLI, 3 * SECOND);
    }

    @ProcessTest
    void parksEndAtTheirDeadline() {
        long[] result = child.run(() -> {
            long start = System.nanoTime();
            long deadline = start + 4 * SECOND;
            for (long left = 4 * SECOND; left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            long parked = System.nanoTime() - start;
            long until = System.currentTimeMillis() + 3000;
            long startMillis = System.currentTimeMillis();
            while (System.currentTimeMillis() < until) {
                LockSupport.parkUntil(until);
            }
            return new long[] {parked, System.currentTimeMillis() - startMillis};
        });
        assertThat(result).containsExactly(4 * SECOND, 3000);
    }

    @ProcessTest
    void conditionsTimeOutAtTheirDeadlineOrReturnWhatIsLeftWhenSignalled() {
        long[] result = child.run(() -> {
            ReentrantLock lock = new ReentrantLock();
            Condition condition = lock.newCondition();
            lock.lock();
            try {
                long start = System.nanoTime();
                boolean signalled = condition.await(3, TimeUnit.SECONDS);
                long awaited = System.nanoTime() - start;
                start = System.nanoTime();
                long left = condition.awaitNanos(2 * SECOND);
                long awaitedNanos = System.nanoTime() - start;
                Thread signaller = new Thread(() -> {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    lock.lock();
                    try {
                        condition.signalAll();
                    } finally {
                        lock.unlock();
                    }
                });
                signaller.start();
                start = System.nanoTime();
                long leftWhenSignalled = condition.awaitNanos(5 * SECOND);
                long untilSignalled = System.nanoTime() - start;
                lock.unlock();
                signaller.join();
                lock.lock();
                return new long[] {signalled ? 1 : 0, awaited, left <= 0 ? 0 : left, awaitedNanos, leftWhenSignalled, untilSignalled};
            } finally {
                lock.unlock();
            }
        });
        assertThat(result).containsExactly(0, 3 * SECOND, 0, 2 * SECOND, 4 * SECOND, SECOND);
    }

    @ProcessTest
    void anInterruptOfTheSystemUnderTestStillEndsItsWaits() {
        List<String> ended = child.run(() -> {
            List<String> endings = Collections.synchronizedList(new ArrayList<>());
            Object monitor = new Object();
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(Duration.ofHours(1).toMillis());
                    endings.add("slept");
                } catch (InterruptedException e) {
                    endings.add("sleep interrupted");
                }
            });
            Thread waiter = new Thread(() -> {
                synchronized (monitor) {
                    try {
                        monitor.wait(Duration.ofHours(2).toMillis());
                        endings.add("waited");
                    } catch (InterruptedException e) {
                        endings.add("wait interrupted");
                    }
                }
            });
            sleeper.start();
            waiter.start();
            Thread.sleep(1000); // the clock reaches 1 s only once both wait: an hour is later
            sleeper.interrupt();
            waiter.interrupt();
            sleeper.join();
            waiter.join();
            return new ArrayList<>(endings);
        });
        assertThat(ended).containsExactlyInAnyOrder("sleep interrupted", "wait interrupted");
    }
}

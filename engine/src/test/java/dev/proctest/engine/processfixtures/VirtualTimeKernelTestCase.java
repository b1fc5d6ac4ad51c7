package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread that Java calls {@code RUNNABLE} while the kernel has it asleep is in I/O only while it
 * waits for input. Blocked otherwise (a write to a reader that is slow, a page fault, a read of a
 * file from disk, a lock of the JVM's) it is at work, and holds the clock as a running thread
 * does, for a second at most: a wait for a class that a sleeping thread initialises then counts
 * as one in I/O, so that the sleeper's deadline can come.
 */
public class VirtualTimeKernelTestCase {

    @ProcessTest
    void aThreadThatWritesToAProcessThatReadsSlowlyHoldsTheClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));

        long[] moved = child.run(() -> {
            Sleeper.sleepBeside(Duration.ofHours(1));
            Process reader = new ProcessBuilder("sh", "-c", "sleep 0.2; cat > /dev/null").start(); // reads after 200 ms of real time
            long before = System.nanoTime();
            try (OutputStream in = reader.getOutputStream()) {
                in.write(new byte[256 << 10]); // four times what a pipe holds, so the write waits for the reader
            }
            long after = System.nanoTime();
            reader.waitFor();
            return new long[] {after - before};
        }, Duration.ofMinutes(1));

        assertThat(moved[0]).as("child nanoseconds that passed while a thread wrote to a process that reads slowly").isZero();
    }

    @ProcessTest
    void aThreadWaitingForAClassThatASleeperInitialisesLetsTheClockMoveAfterASecond(Processes processes) {
        waitsForTheSleepyConstant(processes, false);
    }

    @ProcessTest
    void aThreadHeldInTheKernelLetsTheClockMoveAfterASecondWhileOtherTasksRunNowAndThen(Processes processes) {
        waitsForTheSleepyConstant(processes, true); // as the JVM's and proctest's own threads do, for longer on a loaded machine
    }

    /** The waiter holds the clock for a second, then counts as in I/O, and the initialiser's sleep ends: after 10 s of child time. */
    private static void waitsForTheSleepyConstant(Processes processes, boolean othersRun) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));

        long began = System.nanoTime();
        long[] waited = child.run(() -> {
            AtomicBoolean done = new AtomicBoolean();
            if (othersRun) {
                Thread other = new Thread(() -> spawnUntil(done), "proctest-other"); // a task of the child outside the system under test
                other.setDaemon(true);
                other.start();
            }
            Thread initialiser = new Thread(SleepyConstant::value, "initialiser");
            initialiser.setDaemon(true);
            initialiser.start();
            Gate.INITIALISING.await();
            long before = System.nanoTime();
            SleepyConstant.value(); // waits in the kernel for the initialiser, which sleeps on the virtual clock
            done.set(true);
            return new long[] {System.nanoTime() - before};
        }, Duration.ofSeconds(30));
        Duration real = Duration.ofNanos(System.nanoTime() - began);

        assertThat(Duration.ofNanos(waited[0])).as("child time the waiter waited for the class").isEqualTo(Duration.ofSeconds(10));
        assertThat(real).as("real time: the waiter held the clock for a second first").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    /** Starts a process and waits for its end, again and again: a task that runs now and then, for a millisecond or two each time. */
    private static void spawnUntil(AtomicBoolean done) {
        try {
            while (!done.get()) {
                new ProcessBuilder("true").start().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Says when the initialiser of {@link SleepyConstant} has begun. */
    static final class Gate {
        static final CountDownLatch INITIALISING = new CountDownLatch(1);
    }

    /** A class whose initialiser sleeps for 10 s. */
    static final class SleepyConstant {

        private static final int VALUE;

        static {
            Gate.INITIALISING.countDown();
            try {
                Thread.sleep(10_000); // the system under test's sleep on the virtual clock, which the test measures
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            VALUE = 42;
        }

        static int value() {
            return VALUE;
        }
    }
}

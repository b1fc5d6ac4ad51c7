package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.child.ProcTest;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Sensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * proctest's own waits inside a child on a virtual clock, for a barrier, a mailbox or an answer of the test,
 * count as waiting on the outside world, as a socket read does: they hold the clock for the grace
 * ({@code 2s} here), so the test answers before a sleeping thread's deadline arrives. Each lambda
 * runs inside the child.
 */
public class VirtualTimeOutsideTestCase {

    private static final Duration GRACE = Duration.ofSeconds(2);

    /** Starts, in the child, a thread that runs {@code waitForTest} and one that sleeps a second and says how long it read. */
    private static ChildProcess waitingAndSleeping(Processes processes, String waitKind) {
        return waitingAndSleeping(processes.spawn(JavaChild.main(Registry.class).name("waits").virtualTime()
                .readyWhen(Ready.whenSignalled())), waitKind);
    }

    private static ChildProcess waitingAndSleeping(ChildProcess child, String waitKind) {
        child.run(() -> {
            Thread waiter = new Thread(() -> {
                if (waitKind.equals("barrier")) {
                    ProcTest.barrier("go");
                    System.out.println("passed");
                } else if (waitKind.equals("answer")) {
                    System.out.println("read " + new Sensor("probe").read());
                } else {
                    System.out.println("took " + ProcTest.mailbox("orders").take());
                }
            }, "waiter");
            Thread sleeper = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("slept " + (System.nanoTime() - start));
            }, "sleeper");
            waiter.start();
            sleeper.start();
            return null;
        });
        return child;
    }

    /**
     * The message of a wait for the sleeper's line that fails within 300 ms, once its diagnosis
     * names {@code waiting}: at first the waiter may still be on its way there, loading classes
     * (for seconds, on a loaded machine), which holds the clock as running does. Each such wait
     * must fail: the sleep must not end while the waiter waits for the test, within the grace.
     */
    private static String sleepNotEndedWhile(ChildProcess child, String waiting) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> before = new ArrayList<>();
        while (true) {
            Throwable failed = catchThrowable(() -> child.logs().within(Duration.ofMillis(300)).await("slept"));
            assertThat(failed).as("the wait for the sleeper's line, after these that failed: %s", before)
                    .isInstanceOf(ChildProcessException.class);
            before.add(failed.getMessage());
            if (failed.getMessage().contains(waiting) || System.nanoTime() - deadline > 0) {
                assertThat(failed.getMessage()).as("the diagnosis within 30 s, after these: %s", before).contains(waiting);
                return failed.getMessage();
            }
        }
    }

    @ProcessTest
    void aSleepDoesNotEndWhileAThreadWaitsAtABarrierUntilTheTestPassesIt(Processes processes) {
        ChildProcess child = waitingAndSleeping(processes, "barrier");

        assertThat(sleepNotEndedWhile(child, "waits for the test JVM (barrier 'go')")).contains("thread 'waiter' (")
                .contains("waits for the test JVM (barrier 'go'), which holds the clock until the child has been quiet for the grace of 2.000 s");
        processes.barrier("go", child);
        long passed = System.nanoTime();

        assertThat(child.logs().await("slept").message()).isEqualTo("slept 1000000000");
        assertThat(Duration.ofNanos(System.nanoTime() - passed)).as("from the pass to the end of the sleep, less than a grace")
                .isLessThan(GRACE);
    }

    @ProcessTest
    void aSleepDoesNotEndWhileAThreadTakesFromAnEmptyMailboxUntilTheTestPutsAValue(Processes processes) {
        ChildProcess child = waitingAndSleeping(processes, "mailbox");

        assertThat(sleepNotEndedWhile(child, "waits for the test JVM (mailbox 'orders')")).contains("thread 'waiter' (");
        processes.mailbox("orders").put("one");
        long put = System.nanoTime();

        child.logs().await("took one");
        assertThat(child.logs().await("slept").message()).isEqualTo("slept 1000000000");
        assertThat(Duration.ofNanos(System.nanoTime() - put)).as("from the put to the end of the sleep, less than a grace")
                .isLessThan(GRACE);
    }

    @ProcessTest
    void aSleepDoesNotEndWhileAThreadWaitsForTheTestsAnswerToAMockedCall(Processes processes) throws InterruptedException {
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answering = new CountDownLatch(1);
        ChildProcess child = waitingAndSleeping(processes.spawn(JavaChild.main(Registry.class).name("waits").virtualTime()
                .mock(Sensor.class).answer(Sensor.class, "read", call -> {
                    asked.countDown();
                    answering.await(10, TimeUnit.SECONDS);
                    return 21.5;
                }).readyWhen(Ready.whenSignalled())), "answer");

        assertThat(asked.await(30, TimeUnit.SECONDS)).as("the child asked the test for an answer").isTrue();
        assertThat(sleepNotEndedWhile(child, "waits for the test JVM (the test's answer to dev.proctest.engine.children.Sensor.read)"))
                .contains("thread 'waiter' (");
        answering.countDown();
        long answered = System.nanoTime();

        child.logs().await("read 21.5");
        assertThat(child.logs().await("slept").message()).isEqualTo("slept 1000000000");
        assertThat(Duration.ofNanos(System.nanoTime() - answered)).as("from the answer to the end of the sleep, less than a grace")
                .isLessThan(GRACE);
    }

    @ProcessTest
    void aThreadThatWaitsForTheTestHoldsTheClockOnlyForTheGrace(Processes processes) {
        long before = System.nanoTime();
        ChildProcess child = waitingAndSleeping(processes, "barrier");

        assertThat(child.logs().within(Duration.ofSeconds(15)).await("slept").message()).isEqualTo("slept 1000000000");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the sleep ends after a grace of quiet, not before")
                .isGreaterThanOrEqualTo(GRACE);
        processes.barrier("go", child);
        child.logs().await("passed");
    }
}

package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual threads (Java 21 on) on a virtual clock: a census of threads does not see them, but their
 * sleeps are rewritten like any other and their carriers are seen, so a virtual thread that sleeps
 * reads exactly its length and one that computes holds the clock. Started by reflection, as this
 * code is built for Java 17; on an older JDK the tests are skipped.
 */
public class VirtualThreadsTestCase {

    private static final long SECOND = 1_000_000_000L;

    @ProcessTest
    void virtualThreadsSleepExactlyTheirLengthAndOneThatComputesHoldsTheClock(Processes processes) {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));

        List<Long> result = child.run(() -> {
            List<Long> steps = new ArrayList<>();
            long[] computed = new long[1];
            Thread sleeper = startVirtual(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        long before = System.nanoTime();
                        Thread.sleep(1_000);
                        steps.add(System.nanoTime() - before);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread computer = startVirtual(() -> {
                long before = System.nanoTime();
                long sum = 0;
                for (long i = 0; i < 300_000_000L; i++) { // some hundred milliseconds of real time on one core
                    sum += i ^ (sum >>> 3);
                }
                computed[0] = System.nanoTime() - before + (sum == 42 ? 1 : 0);
            });
            sleeper.join();
            computer.join();
            steps.add(computed[0]);
            return steps;
        });

        assertThat(result.subList(0, 5)).as("each sleep of a virtual thread, in child nanoseconds").containsOnly(SECOND);
        assertThat(result.get(5)).as("child time that passed while a virtual thread computed").isZero();
    }

    private static Thread startVirtual(Runnable task) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class).invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start a virtual thread", e);
        }
    }
}

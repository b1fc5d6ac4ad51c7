package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/**
 * Scheduled executors on a virtual clock where the JDK's behaviour shows through: a task due while
 * every thread of its pool is busy starts once one is free, and an executor class the system under
 * test writes itself stays the JDK's.
 */
public class VirtualSchedulerLimitsTestCase {

    private static final long MILLI = 1_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void aTaskDueWhileThePoolsOnlyThreadSleepsInAnotherTaskRunsWhenThatTaskEnds() {
        List<Long> result = child.run(() -> {
            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
            long start = System.nanoTime();
            ScheduledFuture<Long> sleeper = scheduler.schedule(() -> {
                long began = System.nanoTime() - start;
                Thread.sleep(5000);
                return began;
            }, 1, TimeUnit.SECONDS);
            ScheduledFuture<Long> behind = scheduler.schedule(() -> System.nanoTime() - start, 2, TimeUnit.SECONDS);
            List<Long> times = List.of(sleeper.get() / MILLI, behind.get() / MILLI);
            scheduler.shutdown();
            return times;
        });
        assertThat(result).as("the second task waits for the pool's thread, as in the JDK").containsExactly(1000L, 6000L);
    }

    @ProcessTest
    void aSubclassTheSystemUnderTestWritesItselfStaysTheJdksExecutor() {
        String result = child.run(() -> {
            OwnScheduler own = new OwnScheduler();
            long start = System.nanoTime();
            String ran = own.schedule(() -> "ran", 1, TimeUnit.MILLISECONDS).get();
            own.shutdown();
            return ran + " " + own.getClass().getSuperclass().getSimpleName() + " " + (System.nanoTime() - start);
        });
        assertThat(result).as("a JDK executor waits in real time, while the clock stands still").isEqualTo("ran ScheduledThreadPoolExecutor 0");
    }

    /** Its constructor's call of the super constructor is not a construction that the rewriting replaces. */
    static final class OwnScheduler extends ScheduledThreadPoolExecutor {

        OwnScheduler() {
            super(1, new ScheduledThreadPoolExecutor(1).getThreadFactory());
        }
    }
}

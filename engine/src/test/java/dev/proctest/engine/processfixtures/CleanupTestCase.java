package dev.proctest.engine.processfixtures;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Server;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Tests that end badly after starting a child: the child must end with them all the same. */
public class CleanupTestCase {

    public static final List<Long> PIDS = new CopyOnWriteArrayList<>();

    @ProcessTest
    void failsAfterSpawning(Processes processes) {
        spawn(processes);
        throw new AssertionError("the test failed after spawning");
    }

    @Timeout(value = 3, unit = TimeUnit.SECONDS) // long enough for the spawn, which must finish before the test hangs
    @ProcessTest
    void timesOutAfterSpawning(Processes processes) throws InterruptedException {
        spawn(processes);
        new CountDownLatch(1).await();
    }

    private static void spawn(Processes processes) {
        PIDS.add(processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled())).pid());
    }
}

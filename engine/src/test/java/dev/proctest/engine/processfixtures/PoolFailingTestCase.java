package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.fail;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;

/** A run that fails while a JVM of the pool waits for a child that will never come; runs before {@link PoolTailTestCase}. */
public class PoolFailingTestCase {

    @ProcessTest
    void failsWhileAPooledJvmWaits(Processes processes) throws InterruptedException {
        processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()).jvmArgs("-Dpool.test=failing"));
        PoolEvents.awaitWaiting("-Dpool.test=failing");
        fail("fails on purpose, with a JVM of the pool waiting");
    }
}

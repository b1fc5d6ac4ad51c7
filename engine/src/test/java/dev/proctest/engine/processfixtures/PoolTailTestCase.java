package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Runs after {@link PoolTestCase}, as the run's last test: until it has finished the pool still
 * refills, so that its second child of a launch is served by a JVM started for it; once it has
 * finished, the pool starts none.
 */
public class PoolTailTestCase {

    @ProcessTest
    void theRunsLastTestIsServedToo(Processes processes) throws IOException, InterruptedException {
        JavaChild tail = JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()).jvmArgs("-Dpool.test=tail");
        processes.spawn(tail.name("first")).stop();
        PoolEvents.awaitWaiting("-Dpool.test=tail"); // started for it, once the refills of earlier tests let it boot
        ChildProcess second = processes.spawn(tail.name("second"));
        assertThat(Files.readString(second.logFile())).as("the second child's log").contains("started from the pool");
        second.stop();
    }
}

package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Coordinated;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The test's {@code @Timeout} expires while it waits at a barrier with a child that arrived and
 * one that never will; the children start before, outside the timeout. Run by CoordinationTests.
 */
public class BarrierTimeoutTestCase {

    private ChildProcess waiting;
    private ChildProcess never;

    @BeforeEach
    void start(Processes processes) {
        List<ChildProcess> children = processes.spawnAll(JavaChild.main(Coordinated.class).name("a").args("arrive", "go")
                .readyWhen(Ready.whenSignalled()), JavaChild.main(Coordinated.class).name("b").args("idle").readyWhen(Ready.whenSignalled()));
        waiting = children.get(0);
        never = children.get(1);
        waiting.logs().await("arriving at go");
    }

    @ProcessTest
    @Timeout(value = 1500, unit = TimeUnit.MILLISECONDS)
    void theTestTimesOut(Processes processes) {
        processes.barrier("go", waiting, never);
    }

    @AfterEach
    void whatTheWaitingChildSaw() {
        BarrierBreaksTestCase.SEEN.add(waiting.logs().await("broken: .*").message());
    }
}

package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.PoolEvents;
import dev.proctest.engine.processfixtures.PoolTailTestCase;
import dev.proctest.engine.processfixtures.PoolTestCase;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JVMs started ahead of need serve one child each, alike launches only, and never outlive the run. */
class PoolTests {

    @BeforeEach
    void listenToThePool() {
        PoolEvents.start();
    }

    @AfterEach
    void stopListening() {
        PoolEvents.stop();
    }

    @Test
    void thePoolServesAlikeSpawnsOneChildPerJvmAndLeavesNothingRunning() throws InterruptedException {
        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(PoolTestCase.class), selectClass(PoolTailTestCase.class))
                .configurationParameter(Constants.POOL_SIZE, "4").execute(), 5);

        Set<Long> started = PoolEvents.started();
        assertThat(started).as("the JVMs the pool started").hasSizeGreaterThanOrEqualTo(4);
        assertThat(PoolEvents.messages()).as("no JVM started once no test was left to start")
                .noneMatch(message -> message.contains("started") && message.contains("pool.test=tail"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (started.stream().anyMatch(PoolTests::alive) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(started).as("JVMs of the pool alive after the run").noneMatch(PoolTests::alive);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.PoolEvents;
import dev.proctest.engine.processfixtures.PoolFailingTestCase;
import dev.proctest.engine.processfixtures.PoolTailTestCase;
import dev.proctest.engine.processfixtures.PoolTestCase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

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
    void thePoolServesAlikeSpawnsOneChildPerJvmAndLeavesNothingRunning() {
        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(PoolTestCase.class), selectClass(PoolTailTestCase.class))
                .configurationParameter(Constants.POOL_SIZE, "4").execute(), 6);

        Set<Long> started = PoolEvents.started();
        assertThat(started).as("the JVMs the pool started").hasSizeGreaterThanOrEqualTo(4);
        List<String> messages = PoolEvents.messages();
        int finished = messages.indexOf("proctest pool: every test has finished; no more JVMs start");
        assertThat(finished).as("the pool heard that every test had finished").isNotNegative();
        assertThat(messages.subList(finished, messages.size())).as("JVMs started once every test had finished")
                .noneMatch(message -> message.startsWith("proctest pool: starting "));
        assertAllEnd(started);
    }

    @Test
    void aFailingRunLeavesNoJvmOfThePoolRunning() throws Exception {
        // the tail is a test still to start, which keeps the pool refilling
        EngineExecutionResults results = ProcTestKit.engine(selectClass(PoolFailingTestCase.class), selectClass(PoolTailTestCase.class))
                .configurationParameter(Constants.POOL_SIZE, "2").execute();

        assertThat(Outcomes.failureOf(results, "failsWhileAPooledJvmWaits")).hasMessageContaining("fails on purpose");
        assertThat(PoolEvents.started()).as("the JVMs the pool started").isNotEmpty();
        assertAllEnd(PoolEvents.started());
    }

    /** Each of the pids ends within 5 s, or the test fails naming those alive. */
    private static void assertAllEnd(Set<Long> pids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().completeOnTimeout(process,
                    Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).join());
        }
        assertThat(pids).as("JVMs of the pool alive after the run").noneMatch(PoolTests::alive);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

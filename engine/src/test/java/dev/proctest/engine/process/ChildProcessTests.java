package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.ChildProcessTestCase;
import dev.proctest.engine.processfixtures.ParallelChildrenTestCase;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Spawning, running, readiness, stopping, publishing and endpoints, with real child processes. */
class ChildProcessTests {

    @Test
    void childrenBehaveAsTheirTestsExpect() {
        Outcomes.assertAllPassed(ProcTestKit.execute(selectClass(ChildProcessTestCase.class)), 14);
    }

    @Test
    void testsRunningInParallelSpawnTheirOwnChildrenAndPorts() {
        ParallelChildrenTestCase.together = new CyclicBarrier(4);
        ParallelChildrenTestCase.PORTS.clear();

        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(ParallelChildrenTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .execute(), 4);
        assertThat(ParallelChildrenTestCase.PORTS).hasSize(4);
    }
}

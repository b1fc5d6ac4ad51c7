package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.engine;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.ParallelEndpointsTestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Five hundred proctest tests at once, each binding endpoints of its own: none finds its address in use. */
class ParallelEndpointsTests {

    private static final int RUNS = 25; // of 20 tests each

    @Test
    void fiveHundredTestsInParallelNeverShareAnEndpoint() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNS);
        try {
            List<Future<EngineExecutionResults>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                runs.add(pool.submit(() -> engine(selectClass(ParallelEndpointsTestCase.class))
                        .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                        .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                        .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "20")
                        .execute()));
            }
            for (Future<EngineExecutionResults> run : runs) {
                Outcomes.assertAllPassed(run.get(2, TimeUnit.MINUTES), 20);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

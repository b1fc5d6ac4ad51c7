package dev.proctest.engine.sharedfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Shared;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/**
 * Run with four threads: the class asks for the shared broker in {@code @BeforeAll}, then four
 * tests ask at once, each from eight threads at once, and ping it.
 */
public class CrowdedBrokerTestCase {

    private static final int THREADS = 8;
    private static final CyclicBarrier TESTS = new CyclicBarrier(4);
    private static long classPid;

    @BeforeAll
    static void askFirst(Processes processes) {
        classPid = processes.shared(PongBroker.class).child().pid();
    }

    @ProcessTest
    void first(Processes processes, Logs logs) throws Exception {
        crowd(processes, logs);
    }

    @ProcessTest
    void second(Processes processes, Logs logs) throws Exception {
        crowd(processes, logs);
    }

    @ProcessTest
    void third(Processes processes, Logs logs) throws Exception {
        crowd(processes, logs);
    }

    @ProcessTest
    void fourth(Processes processes, Logs logs) throws Exception {
        crowd(processes, logs);
    }

    private static void crowd(Processes processes, Logs logs) throws Exception {
        TESTS.await(30, TimeUnit.SECONDS);
        CyclicBarrier threads = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Shared>> asked = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Shared> ask = () -> {
                    threads.await(30, TimeUnit.SECONDS);
                    return processes.shared(PongBroker.class);
                };
                asked.add(pool.submit(ask));
            }
            Set<Shared> seen = new HashSet<>();
            for (Future<Shared> shared : asked) {
                seen.add(shared.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.size(), "one Shared per test, whichever thread asks");
            Shared broker = seen.iterator().next();
            assertEquals(classPid, broker.child().pid());
            BrokerUse.PIDS.add(broker.child().pid());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, logs.lines().stream().filter(line -> line.contains("serving on")).count(),
                "the shared child's log once in the view of a test whose class uses it too");
    }
}

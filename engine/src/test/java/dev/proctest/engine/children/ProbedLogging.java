package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link ConcurrentLogging}'s load, with a probe: while the load's threads log, one more thread
 * logs {@code probe <n>} through the same path every 5 ms, numbered from 0, so that a test can time
 * how long each takes to reach it; {@code probes done} at the end.
 */
public final class ProbedLogging {

    private ProbedLogging() {}

    public static void main(String[] args) throws InterruptedException {
        ConcurrentLogging.Path path = ConcurrentLogging.path(args[0]);
        int threads = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int probes = Integer.parseInt(args[3]);
        Thread prober = new Thread(() -> {
            for (int n = 0; n < probes; n++) {
                path.probe("probe " + n);
                try {
                    TimeUnit.MILLISECONDS.sleep(5); // the probes' pace, independent of the load
                } catch (InterruptedException e) {
                    return;
                }
            }
            path.probe("probes done");
        }, "prober");
        prober.start();
        ConcurrentLogging.load(path, threads, events, 0);
        prober.join();
        new CountDownLatch(1).await();
    }
}

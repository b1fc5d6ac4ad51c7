package dev.proctest.reliability.hostile;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * A child that works while its hub is under fire: it logs numbered lines until the test asks it to
 * stop ({@link #finish}), then says how many it logged, and answers the test's remote runs all
 * along.
 */
public final class Worker {

    private static volatile boolean stopping;
    private static volatile long logged;
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private Worker() {}

    public static void main(String[] args) throws InterruptedException {
        ProcTest.ready();
        long line = 0;
        while (!stopping) {
            System.out.println("tick " + line++);
            Thread.sleep(1); // the pace of a system that logs steadily, not a wait for anything
        }
        logged = line;
        System.out.println("worker done " + line);
        DONE.countDown();
        new CountDownLatch(1).await(); // until the test stops it
    }

    /** Run in the child by the test: stops the logging and returns how many lines were logged. */
    static long finish() throws InterruptedException {
        stopping = true;
        DONE.await();
        return logged;
    }
}

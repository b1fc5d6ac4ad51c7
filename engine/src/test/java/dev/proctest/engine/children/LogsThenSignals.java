package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Prints {@code count} lines, "line 1" to "line N", and logs "before ready" through {@code
 * java.util.logging}, then signals readiness; prints "after ready", logs "before publish", and
 * publishes {@code count} under "count"; then runs until stopped.
 */
public final class LogsThenSignals {

    private LogsThenSignals() {}

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        Logger logger = Logger.getLogger("order");
        for (int i = 1; i <= count; i++) {
            System.out.println("line " + i);
        }
        logger.info("before ready");
        ProcTest.ready();
        System.out.println("after ready");
        logger.info("before publish");
        ProcTest.publish("count", count);
        new CountDownLatch(1).await();
    }
}

package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Logs the same three events through the framework its argument names ({@code jul}, {@code
 * logback} or {@code log4j2}), each with a console appender or handler: "service started" at info,
 * "disk almost full" at warn, and "request failed" at error with an exception; and one at debug,
 * which the configuration filters out. Then signals readiness and runs until stopped.
 */
public final class FrameworkLogging {

    private FrameworkLogging() {}

    public static void main(String[] args) throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("backend unreachable", new IOException("connection refused"));
        switch (args[0]) {
            case "jul" -> {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger("orders.service");
                logger.info("service started");
                logger.warning("disk almost full");
                logger.log(java.util.logging.Level.SEVERE, "request failed", failure);
                logger.fine("not shown");
            }
            case "logback" -> {
                org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("orders.service");
                logger.info("service {}", "started");
                logger.warn("disk almost full");
                logger.error("request failed", failure);
                logger.debug("not shown");
            }
            case "log4j2" -> {
                org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger("orders.service");
                logger.info("service {}", "started");
                logger.warn("disk almost full");
                logger.error("request failed", failure);
                logger.debug("not shown");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

package dev.proctest.engine.processfixtures;

import dev.proctest.Logs;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waits on records the way no call into proctest does: without looking at what the children threw. */
final class Records {

    private Records() {}

    /** Returns once a child in view of {@code logs} has a record of {@code logger}; fails after 10 s. */
    static void awaitQuietly(Logs logs, String logger) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (logs.records().stream().noneMatch(record -> record.logger().equals(logger))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no record of " + logger + " within 10 s: " + logs.lines());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // records() has no wait of its own to wake on
        }
    }
}

package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * Like a server with worker processes: starts a grandchild through a shell that stays, and an
 * orphaned one through a shell that exits; publishes all their pids; runs until stopped.
 */
public final class Lingering {

    private Lingering() {}

    public static void main(String[] args) throws Exception {
        Process worker = new ProcessBuilder("sh", "-c", "sleep 301 & wait").start();
        Process daemonizer = new ProcessBuilder("sh", "-c", "sleep 302 > /dev/null 2>&1 & echo $!").start();
        long orphan = Long.parseLong(new String(daemonizer.getInputStream().readAllBytes()).strip());
        ProcTest.publish("worker", worker.pid());
        ProcTest.publish("orphan", orphan);
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

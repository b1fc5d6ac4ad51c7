package dev.proctest.reliability.orphans.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * A child that SIGTERM does not end: its shutdown hook never finishes, so only SIGKILL does, and
 * so does an exit of its own (a child that sees its test JVM gone ends through {@code System.exit},
 * which runs the hooks too).
 */
public final class SigtermIgnoringChild {

    private SigtermIgnoringChild() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waits-forever"));
        ProcTest.ready();
        never.await();
    }
}

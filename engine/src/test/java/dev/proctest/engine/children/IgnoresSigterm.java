package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** A server whose shutdown hook never finishes, so SIGTERM never ends it. */
public final class IgnoresSigterm {

    private IgnoresSigterm() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutdown hook waits forever");
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        ProcTest.ready();
        never.await();
    }
}

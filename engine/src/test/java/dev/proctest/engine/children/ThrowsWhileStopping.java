package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;

/** Runs until stopped; its shutdown hook, run as it is stopped, throws and nothing catches it. */
public final class ThrowsWhileStopping {

    private ThrowsWhileStopping() {}

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            throw new IllegalStateException("closed twice");
        }, "closer"));
        new CountDownLatch(1).await();
    }
}

package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;

/** Starts a worker thread that fails on a bad frame at once and leaves nothing to catch it; then runs until stopped. */
public final class ThrowsOnWorker {

    private ThrowsOnWorker() {}

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("bad frame 7");
        }, "worker-1");
        worker.start();
        worker.join();
        System.out.println("worker gone");
        new CountDownLatch(1).await();
    }
}

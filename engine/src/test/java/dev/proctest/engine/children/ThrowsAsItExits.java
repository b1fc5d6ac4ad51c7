package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;

/**
 * Exits on its own; a worker that waited on a resource its shutdown hook closes dies of it, as a
 * ZeroMQ poller dies of its context's termination, while the JVM shuts down.
 */
public final class ThrowsAsItExits {

    private ThrowsAsItExits() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("context terminated");
        }, "poller");
        worker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closed.countDown();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "closer"));
        System.out.println("exiting");
        System.exit(0);
    }
}

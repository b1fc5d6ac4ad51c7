package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;

/** Starts warming up and never gets further. */
public final class NeverReady {

    private NeverReady() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("warming up");
        new CountDownLatch(1).await();
    }
}

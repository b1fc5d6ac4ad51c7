package dev.proctest.reliability.hangs.children;

import java.util.concurrent.CountDownLatch;

/** Says it is warming up and then waits forever: never ready, never exits, never logs again. */
public final class NeverReady {

    private NeverReady() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("warming up");
        new CountDownLatch(1).await();
    }
}

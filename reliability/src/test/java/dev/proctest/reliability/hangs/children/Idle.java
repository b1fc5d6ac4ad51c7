package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** Signals ready and waits forever: a well-behaved child that lambdas and mocks are run in. */
public final class Idle {

    private Idle() {}

    public static void main(String[] args) throws InterruptedException {
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

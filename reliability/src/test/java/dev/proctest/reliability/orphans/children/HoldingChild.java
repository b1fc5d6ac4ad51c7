package dev.proctest.reliability.orphans.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** A child that says it is ready and then holds until it is stopped or its test JVM is gone. */
public final class HoldingChild {

    private HoldingChild() {}

    public static void main(String[] args) throws InterruptedException {
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

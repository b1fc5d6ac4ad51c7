package dev.proctest.reliability.security;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** A child that logs a little, through logging and its stdout, and waits to be stopped. */
public final class Talker {

    private Talker() {}

    public static void main(String[] args) throws InterruptedException {
        Logger.getLogger("talker").warning("talked through logging");
        System.out.println("talked on stdout");
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

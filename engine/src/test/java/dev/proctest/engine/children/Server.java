package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** Says it is serving, publishes its pid, signals readiness, and runs until stopped. */
public final class Server {

    private Server() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("serving " + String.join(" ", args));
        ProcTest.publish("pid", ProcessHandle.current().pid());
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

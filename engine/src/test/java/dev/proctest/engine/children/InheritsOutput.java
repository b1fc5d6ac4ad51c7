package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** Runs a grandchild that writes straight to the child's own stdout, past the proctest runtime. */
public final class InheritsOutput {

    private InheritsOutput() {}

    public static void main(String[] args) throws Exception {
        System.out.println("before the grandchild");
        new ProcessBuilder("sh", "-c", "echo from the grandchild").inheritIO().start().waitFor();
        System.out.println("after the grandchild");
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Starts 100 grandchildren ({@code sleep}, each holding the child's output open), signals ready
 * once all run, and runs forever.
 */
public final class ForksGrandchildren {

    /** How many grandchildren it starts. */
    public static final int COUNT = 100;

    private ForksGrandchildren() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        for (int i = 0; i < COUNT; i++) {
            new ProcessBuilder("sleep", "600").inheritIO().start();
        }
        System.out.println(COUNT + " grandchildren started");
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

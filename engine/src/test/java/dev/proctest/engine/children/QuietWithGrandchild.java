package dev.proctest.engine.children;

import java.util.concurrent.CountDownLatch;

/**
 * Logs nothing itself: a grandchild that shares its stdout says "grandchild is listening", and
 * the child runs until stopped.
 */
public final class QuietWithGrandchild {

    private QuietWithGrandchild() {}

    public static void main(String[] args) throws Exception {
        new ProcessBuilder("sh", "-c", "echo grandchild is listening").inheritIO().start().waitFor();
        new CountDownLatch(1).await();
    }
}

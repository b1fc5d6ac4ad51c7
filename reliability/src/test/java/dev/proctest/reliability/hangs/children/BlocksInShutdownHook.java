package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/** Runs forever, and once asked to end, blocks in its shutdown hook forever: the JVM never exits. */
public final class BlocksInShutdownHook {

    private BlocksInShutdownHook() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutdown hook blocks");
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "blocking-hook"));
        ProcTest.ready();
        never.await();
    }
}

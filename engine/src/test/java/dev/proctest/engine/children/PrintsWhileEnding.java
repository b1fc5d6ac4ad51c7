package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * Prints a burst of lines from a shutdown hook of its own, after a pause of {@code args[0]} ms,
 * while the runtime's hook ends: lines before, during and after the runtime's last records.
 */
public final class PrintsWhileEnding {

    public static final int LINES = 3000;

    private PrintsWhileEnding() {}

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(Integer.parseInt(args[0])); // so that the burst starts elsewhere across the runtime's end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < LINES; i++) {
                System.out.println("hook " + i);
            }
        }, "ending-hook"));
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

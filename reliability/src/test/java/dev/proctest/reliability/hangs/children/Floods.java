package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Signals ready, then writes 100 MB of lines to its standard output as fast as it can (the test's
 * reading of them is the pace), and then runs on, silent, forever.
 */
public final class Floods {

    /** What it writes in all. */
    public static final long BYTES = 100L * 1024 * 1024;

    private Floods() {}

    public static void main(String[] args) throws InterruptedException {
        char[] filler = new char[1023];
        Arrays.fill(filler, 'x');
        String line = new String(filler);
        ProcTest.ready();
        for (long written = 0; written < BYTES; written += line.length() + 1) {
            System.out.println(line);
        }
        new CountDownLatch(1).await();
    }
}

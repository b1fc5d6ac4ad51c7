package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Signals ready, then closes its standard output and standard error at the descriptor (what the
 * test JVM reads sees their end) and keeps running, silent, forever.
 */
public final class ClosesStdout {

    private ClosesStdout() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        System.out.println("closing my output");
        ProcTest.ready();
        new FileOutputStream(FileDescriptor.out).close();
        new FileOutputStream(FileDescriptor.err).close();
        new CountDownLatch(1).await();
    }
}

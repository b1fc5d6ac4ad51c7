package dev.proctest.reliability.orphans.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child with grandchildren of both sorts: one it keeps as its own child, and one started the way
 * daemons are, through a shell that exits at once, so that it is no longer a descendant of anyone
 * in the tree. Says it is ready once both run, then holds.
 */
public final class ForkingChild {

    private ForkingChild() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        new ProcessBuilder("sleep", "1001").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process shell = new ProcessBuilder("sh", "-c", "sleep 1002 > /dev/null 2>&1 &").start();
        if (!shell.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the shell that starts the daemon did not exit within 30 s");
        }
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** Writes as many megabytes of lines to stdout as its argument says, then "done", then runs on. */
public final class BigOutput {

    private BigOutput() {}

    public static void main(String[] args) throws InterruptedException {
        long bytes = Long.parseLong(args[0]) * 1024 * 1024;
        char[] filler = new char[99];
        Arrays.fill(filler, 'x');
        String line = new String(filler); // 100 bytes with the newline
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
        for (long written = 0; written < bytes; written += 100) {
            out.println(line);
        }
        out.println("done");
        out.flush();
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

package dev.proctest.reliability.loss;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * A child that writes {@code count} numbered records, "record 1" to "record N", and keeps its own
 * account of them: after each record it appends the record's number to a side file, with a system
 * call of its own, so that the file holds every number the child had written when it was cut off.
 * Records go through {@code jul} events (no console handler: only proctest's capture sees them) or
 * {@code stdout} lines, each flushed to the pipe. The first {@code calls} numbers are also counted
 * on {@link Tally}, whose calls the test records. Then the child ends by {@code route}:
 * {@code return}, {@code exit}, {@code throw}, or {@code wait} to be stopped or killed.
 *
 * <p>Arguments: count, path ({@code jul} or {@code stdout}), route, side file, and optionally
 * how many numbers to count on {@link Tally}.
 */
public final class Ledger {

    private Ledger() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = Integer.parseInt(args[0]);
        boolean stdout = args[1].equals("stdout");
        String route = args[2];
        int calls = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Logger logger = Logger.getLogger("ledger");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        Tally tally = new Tally();
        ByteBuffer number = ByteBuffer.allocate(16);
        try (FileChannel side = FileChannel.open(Path.of(args[3]), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (route.equals("wait")) {
                ProcTest.ready(); // killed or stopped from now on, while it writes
            }
            for (int i = 1; i <= count; i++) {
                if (stdout) {
                    System.out.println("record " + i);
                    System.out.flush(); // on the pipe before the account says so
                } else {
                    logger.info("record " + i);
                }
                if (i <= calls) {
                    tally.count(i);
                }
                number.clear();
                number.put((i + "\n").getBytes(StandardCharsets.US_ASCII)).flip();
                side.write(number);
            }
        }
        switch (route) {
            case "exit" -> System.exit(0);
            case "throw" -> throw new IllegalStateException("the ledger ends by throwing, as planned");
            case "wait" -> new CountDownLatch(1).await();
            default -> { }
        }
    }
}

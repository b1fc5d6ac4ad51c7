package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Logs {@code count} numbered records, "record 1" to "record N", through {@code stdout} lines,
 * {@code jul} events (with no console handler, so only proctest's capture sees them) or {@code
 * jul-console} events (printed by the console handler too), then ends by {@code route}: {@code
 * return} from main, {@code exit}, {@code throw}, or {@code wait} to be stopped.
 */
public final class Flood {

    private Flood() {}

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        String path = args[1];
        String route = args[2];
        Logger logger = Logger.getLogger("flood");
        if (path.equals("jul")) {
            Logger root = Logger.getLogger("");
            for (Handler handler : root.getHandlers()) {
                if (handler instanceof ConsoleHandler) {
                    root.removeHandler(handler);
                }
            }
        }
        System.out.println("flooding");
        for (int i = 1; i <= count; i++) {
            if (path.startsWith("jul")) {
                logger.info("record " + i);
            } else {
                System.out.println("record " + i);
            }
        }
        switch (route) {
            case "exit" -> System.exit(0);
            case "throw" -> throw new IllegalStateException("flooded");
            case "wait" -> {
                ProcTest.ready();
                new CountDownLatch(1).await();
            }
            default -> { }
        }
    }
}

package dev.proctest.engine.children;

import java.time.Duration;

/**
 * A daemon thread of the system under test that sleeps once: on a virtual clock, a deadline that
 * the clock jumps to as soon as the child is quiet, or has been in I/O for the grace.
 */
public final class Sleeper {

    private Sleeper() {}

    /** Starts a daemon thread named {@code sleeper} that sleeps for {@code length}. */
    public static void sleepBeside(Duration length) {
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(length.toMillis()); // the system under test's sleep: a deadline of the virtual clock, not a wait of a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sleeper");
        sleeper.setDaemon(true);
        sleeper.start();
    }
}

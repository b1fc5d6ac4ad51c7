package dev.proctest.engine.logs;

/**
 * Wakes the tests that wait for records: every child's log signals it when records arrive, and
 * waiters check their condition again. One for the JVM, as waits may span several children.
 */
final class LogSignal {

    private static final Object MONITOR = new Object();

    private LogSignal() {}

    static void signal() {
        synchronized (MONITOR) {
            MONITOR.notifyAll();
        }
    }

    /** Waits for the next signal, at most {@code millis}. */
    static void await(long millis) throws InterruptedException {
        synchronized (MONITOR) {
            MONITOR.wait(Math.max(1, millis));
        }
    }
}

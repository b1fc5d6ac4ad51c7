package dev.proctest.engine.logs;

/**
 * Wakes the tests that wait for records: every child's log signals it when records arrive, and
 * waiters check their condition again. One for the JVM, as waits may span several children. A
 * count of the signals so far lets a waiter notice a signal that came while it was checking.
 */
final class LogSignal {

    private static final Object MONITOR = new Object();
    private static long signals;

    private LogSignal() {}

    static void signal() {
        synchronized (MONITOR) {
            signals++;
            MONITOR.notifyAll();
        }
    }

    /** Returns how many signals were given so far: read it before checking, and pass it to {@link #awaitAfter}. */
    static long count() {
        synchronized (MONITOR) {
            return signals;
        }
    }

    /** Waits until a signal comes after the {@code count}th, at most {@code millis}. */
    static void awaitAfter(long count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (MONITOR) {
            while (signals == count) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    return;
                }
                MONITOR.wait(remaining);
            }
        }
    }
}

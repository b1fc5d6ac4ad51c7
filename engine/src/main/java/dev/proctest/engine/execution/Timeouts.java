package dev.proctest.engine.execution;

import dev.proctest.engine.support.Throwables;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Enforces {@code @Timeout} as Jupiter does. {@code SAME_THREAD}: the code runs on the test's
 * thread, which is interrupted at the deadline, and the test fails once the code returns.
 * {@code SEPARATE_THREAD}: the code runs on a thread of its own and the test fails at the deadline
 * even if the code ignores the interrupt. Either way the failure carries the stack of the timed-out
 * thread at the deadline, which shows where the code was stuck.
 */
final class Timeouts implements AutoCloseable {

    private ScheduledExecutorService scheduler;

    void run(Runnable code, TimeoutSpec timeout, String description) {
        if (timeout.threadMode() == ThreadMode.SEPARATE_THREAD) {
            runOnSeparateThread(code, timeout, description);
        } else {
            runOnThisThread(code, timeout, description);
        }
    }

    private void runOnThisThread(Runnable code, TimeoutSpec timeout, String description) {
        InterruptAtDeadline interrupter = new InterruptAtDeadline(Thread.currentThread());
        ScheduledFuture<?> deadline = scheduler().schedule(interrupter, timeout.duration().toNanos(), TimeUnit.NANOSECONDS);
        Throwable failure = null;
        try {
            code.run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            deadline.cancel(false);
        }
        StackTraceElement[] stuckAt = interrupter.finish();
        if (stuckAt != null) {
            Thread.interrupted(); // the interrupt was ours; the next invocation must not see it
            TimeoutException timedOut = timedOut(description, timeout, stuckAt, Thread.currentThread());
            if (failure != null) {
                timedOut.addSuppressed(failure);
            }
            throw Throwables.rethrow(timedOut);
        }
        if (failure != null) {
            throw Throwables.rethrow(failure);
        }
    }

    private static void runOnSeparateThread(Runnable code, TimeoutSpec timeout, String description) {
        FutureTask<Void> task = new FutureTask<>(code, null);
        Thread thread = new Thread(task, "proctest-timeout-" + description);
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(timeout.duration().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw Throwables.rethrow(e.getCause());
        } catch (TimeoutException e) {
            StackTraceElement[] stuckAt = thread.getStackTrace();
            thread.interrupt();
            throw Throwables.rethrow(timedOut(description, timeout, stuckAt, thread));
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw Throwables.rethrow(e);
        }
    }

    private static TimeoutException timedOut(String description, TimeoutSpec timeout, StackTraceElement[] stuckAt, Thread thread) {
        TimeoutException timedOut = new TimeoutException(description + " timed out after " + timeout.text());
        Throwable where = new Throwable("Thread [" + thread.getName() + "] was here when the timeout expired");
        where.setStackTrace(stuckAt);
        timedOut.initCause(where);
        return timedOut;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "proctest-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            scheduler = executor;
        }
        return scheduler;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Interrupts the thread once, unless the code finished first; both sides hold the lock. */
    private static final class InterruptAtDeadline implements Runnable {

        private final Thread thread;
        private boolean finished;
        private StackTraceElement[] stuckAt;

        InterruptAtDeadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!finished) {
                stuckAt = thread.getStackTrace();
                thread.interrupt();
            }
        }

        /** Marks the code finished; returns where it was at the deadline, or null if it was in time. */
        synchronized StackTraceElement[] finish() {
            finished = true;
            return stuckAt;
        }
    }
}

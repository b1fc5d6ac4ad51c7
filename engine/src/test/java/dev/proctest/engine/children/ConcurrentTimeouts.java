package dev.proctest.engine.children;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits with the common {@code java.util.concurrent} timeouts and a scheduled executor, then, with
 * the argument {@code uncovered}, with {@code invokeAny} and a timeout, which proctest leaves in
 * real time; prints how far its clock moved, as {@code moved: millis}.
 */
public final class ConcurrentTimeouts {

    private ConcurrentTimeouts() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        new LinkedBlockingQueue<String>().poll(1, TimeUnit.SECONDS);
        new CountDownLatch(1).await(1, TimeUnit.SECONDS);
        new CompletableFuture<String>().completeOnTimeout("late", 1, TimeUnit.SECONDS).get();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.schedule(() -> "done", 1, TimeUnit.SECONDS).get();
        scheduler.shutdown();
        scheduler.awaitTermination(1, TimeUnit.SECONDS);
        if (List.of(args).contains("uncovered")) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executor.invokeAny(List.of(() -> "any"), 1, TimeUnit.SECONDS);
            executor.shutdown();
        }
        System.out.println("moved: " + (System.nanoTime() - start) / 1_000_000);
    }
}

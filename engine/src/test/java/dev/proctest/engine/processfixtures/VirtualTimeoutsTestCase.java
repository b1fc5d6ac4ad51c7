package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Blocking queues and futures with a timeout on a virtual clock: each times out at exactly its
 * length of child time with what the JDK returns on a timeout, and returns at once when what it
 * waits for happens first. Each lambda runs inside the child, where this class is on child time.
 */
public class VirtualTimeoutsTestCase {

    private static final long MILLI = 1_000_000L;

    private static ChildProcess child;

    @BeforeAll
    static void startChild(Processes processes) {
        child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void queuesAndDequesTimeOutAtTheirDeadlineWithNullOrFalse() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            BlockingQueue<String> queue = new LinkedBlockingQueue<>(1);
            long start = System.nanoTime();
            seen.add(queue.poll(3, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            queue.put("full");
            start = System.nanoTime();
            seen.add(queue.offer("more", 2, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            LinkedBlockingDeque<String> deque = new LinkedBlockingDeque<>(1);
            start = System.nanoTime();
            seen.add(deque.pollFirst(1500, TimeUnit.MILLISECONDS) + " " + (System.nanoTime() - start) / MILLI);
            start = System.nanoTime();
            seen.add(deque.pollLast(250, TimeUnit.MILLISECONDS) + " " + (System.nanoTime() - start) / MILLI);
            deque.put("full");
            BlockingDeque<String> asDeque = deque;
            start = System.nanoTime();
            seen.add(asDeque.offerFirst("more", 1, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            start = System.nanoTime();
            seen.add(asDeque.offerLast("more", 4, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            LinkedTransferQueue<String> transfers = new LinkedTransferQueue<>();
            start = System.nanoTime();
            seen.add(transfers.tryTransfer("handed", 5, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI + " "
                    + transfers.size());
            SynchronousQueue<String> handoff = new SynchronousQueue<>();
            start = System.nanoTime();
            seen.add(handoff.poll(6, TimeUnit.MINUTES) + " " + (System.nanoTime() - start) / MILLI);
            return seen;
        });
        assertThat(result).containsExactly("null 3000", "false 2000", "null 1500", "null 250", "false 1000", "false 4000",
                "false 5000 0", "null 360000");
    }

    @ProcessTest
    void aQueueReturnsWhatArrivesBeforeItsDeadlineWhenItArrives() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            LinkedTransferQueue<String> transfers = new LinkedTransferQueue<>();
            Thread producer = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    queue.put("first");
                    Thread.sleep(1000);
                    transfers.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            producer.start();
            seen.add(queue.poll(5, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            seen.add(transfers.tryTransfer("second", 5, TimeUnit.SECONDS) + " " + (System.nanoTime() - start) / MILLI);
            producer.join();
            seen.add("interrupt left: " + Thread.interrupted());
            return seen;
        });
        assertThat(result).containsExactly("first 1000", "true 2000", "interrupt left: false");
    }

    @ProcessTest
    void futuresThrowATimeoutExceptionAtTheirDeadlineOrReturnTheirValueWhenDone() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            Future<String> never = new FutureTask<>(() -> "never");
            long start = System.nanoTime();
            try {
                seen.add(never.get(2, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                seen.add("timed out " + (System.nanoTime() - start) / MILLI);
            }
            CompletableFuture<String> pending = new CompletableFuture<>();
            start = System.nanoTime();
            try {
                seen.add(pending.get(3, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                seen.add("timed out " + (System.nanoTime() - start) / MILLI);
            }
            Thread completer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
                pending.complete("done");
            });
            start = System.nanoTime();
            completer.start();
            seen.add(pending.get(1, TimeUnit.HOURS) + " " + (System.nanoTime() - start) / MILLI);
            CompletableFuture<String> failing = new CompletableFuture<>();
            failing.completeExceptionally(new IllegalStateException("broken"));
            try {
                failing.get(1, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                seen.add("failed " + e.getCause().getMessage());
            }
            completer.join();
            return seen;
        });
        assertThat(result).containsExactly("timed out 2000", "timed out 3000", "done 1500", "failed broken");
    }

    @ProcessTest
    void completableFuturesTimeOutOrCompleteOnTimeoutAtTheirDeadline() {
        List<String> result = child.run(() -> {
            List<String> seen = new ArrayList<>();
            long start = System.nanoTime();
            CompletableFuture<String> timesOut = new CompletableFuture<String>().orTimeout(2, TimeUnit.SECONDS);
            seen.add(timesOut.handle((value, failure) -> failure.getClass().getSimpleName() + " " + (System.nanoTime() - start) / MILLI)
                    .get());
            long next = System.nanoTime();
            CompletableFuture<String> completes = new CompletableFuture<String>().completeOnTimeout("late", 1500, TimeUnit.MILLISECONDS);
            seen.add(completes.thenApply(value -> value + " " + (System.nanoTime() - next) / MILLI).get());
            CompletableFuture<String> inTime = new CompletableFuture<String>().orTimeout(1, TimeUnit.HOURS);
            inTime.complete("in time");
            seen.add(inTime.get() + " " + (System.nanoTime() - next) / MILLI);
            return seen;
        });
        assertThat(result).containsExactly("TimeoutException 2000", "late 1500", "in time 1500");
    }
}

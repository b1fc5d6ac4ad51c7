package dev.proctest.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A wait wakes on changes of what it waits on, and only on those. */
class ChangesTests {

    private static final long FAR = Duration.ofSeconds(10).toNanos();
    /**
     * Each waiter blocks, so each gets its own thread: the common pool may have a single one
     * (two cores), and from JDK 20 on {@code supplyAsync} uses it even then.
     */
    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "changes-waiter");
        thread.setDaemon(true);
        thread.start();
    };

    @Test
    void aWaiterWakesOnTheChangeThatMakesItsConditionTrue() throws Exception {
        Changes child = new Changes();
        AtomicBoolean ready = new AtomicBoolean();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> await(child, ready::get, System.nanoTime() + FAR), OWN_THREAD);

        ready.set(true);
        child.signal();

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anotherChildsChangesWakeNoWaiterOfThisChild() throws Exception {
        Changes scope = new Changes();
        Changes first = new Changes();
        Changes second = new Changes();
        first.passTo(scope);
        second.passTo(scope);
        AtomicInteger firstLooks = new AtomicInteger();
        AtomicInteger scopeLooks = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Boolean> onFirst = CompletableFuture.supplyAsync(() -> await(first, () -> firstLooks.incrementAndGet() > 0 && done.get(),
                System.nanoTime() + FAR), OWN_THREAD);
        CompletableFuture<Boolean> onScope = CompletableFuture.supplyAsync(() -> await(scope, () -> scopeLooks.incrementAndGet() > 0 && done.get(),
                System.nanoTime() + FAR), OWN_THREAD);
        long started = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((firstLooks.get() == 0 || scopeLooks.get() == 0) && System.nanoTime() < started) {
            Thread.onSpinWait(); // both waiters have looked once and wait
        }
        assertThat(firstLooks.get() * scopeLooks.get()).as("both waiters looked once within 5 s").isEqualTo(1);

        for (int i = 0; i < 100; i++) {
            second.signal();
        }
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (scopeLooks.get() <= 1 && System.nanoTime() < until) {
            Thread.onSpinWait(); // the scope's waiter wakes on its own thread
        }
        int scopeLooksAfterSecond = scopeLooks.get();
        done.set(true);
        first.signal();

        assertThat(onFirst.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onScope.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(firstLooks.get()).as("the first child's waiter looked again only for the first child's change").isEqualTo(2);
        assertThat(scopeLooksAfterSecond).as("the scope's waiter saw the second child's changes").isGreaterThan(1);
    }

    @Test
    void aWaitEndsAtItsDeadlineLookingOnceMore() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        long start = System.nanoTime();

        boolean held = new Changes().await(() -> looks.incrementAndGet() < 0, start + Duration.ofMillis(200).toNanos());

        assertThat(held).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(looks.get()).isEqualTo(2);
    }

    @Test
    void aChangeAfterPassingStopsReachesNoLongerTheOther() throws InterruptedException {
        Changes classScope = new Changes();
        Changes testScope = new Changes();
        classScope.passTo(testScope);
        classScope.stopPassingTo(testScope);
        AtomicInteger looks = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> await(testScope,
                () -> looks.incrementAndGet() > 1 && System.nanoTime() < deadline, deadline), OWN_THREAD); // true only if woken before the deadline
        while (looks.get() == 0) {
            Thread.onSpinWait();
        }

        classScope.signal();

        assertThat(waiter.join()).as("the wait timed out, never woken").isFalse();
        assertThat(looks.get()).isEqualTo(2);
    }

    private static boolean await(Changes changes, java.util.function.BooleanSupplier condition, long deadline) {
        try {
            return changes.await(condition, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package dev.proctest.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A child's coverage writes never reset what they wrote, never overlap, and the last one, at
 * exit, comes after a write under way and before none.
 */
class CoverageWritesTests {

    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final AtomicInteger under = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    @Test
    void aWriteNeverResetsWhatItWrote() throws Exception {
        CoverageWrites coverage = new CoverageWrites(reset -> {
            begin(reset);
            under.decrementAndGet();
        });

        coverage.now();
        coverage.now();
        coverage.last();

        assertThat(writes).containsExactly("write", "write", "write");
    }

    @Test
    void theLastWriteWaitsForOneUnderWayAndNoneStartsAfterIt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CoverageWrites coverage = new CoverageWrites(reset -> {
            begin(reset);
            if (writes.size() == 1) {
                writing.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            }
            under.decrementAndGet();
        });
        CompletableFuture<Void> periodic = CompletableFuture.runAsync(() -> write(coverage::now));
        assertThat(writing.await(10, TimeUnit.SECONDS)).as("the periodic write began").isTrue();

        Thread last = new Thread(() -> write(coverage::last), "last");
        last.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (last.getState() != Thread.State.BLOCKED && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        assertThat(last.getState()).as("the last write, while the periodic one is under way").isEqualTo(Thread.State.BLOCKED);
        assertThat(writes).as("writes begun while the periodic one is under way").hasSize(1);
        release.countDown();
        periodic.get(10, TimeUnit.SECONDS);
        last.join(10_000);
        coverage.now();

        assertThat(writes).as("the periodic write, the last, and none after").containsExactly("write", "write");
        assertThat(most.get()).as("writes under way at once").isEqualTo(1);
    }

    private void begin(boolean reset) {
        most.accumulateAndGet(under.incrementAndGet(), Math::max);
        writes.add(reset ? "reset" : "write");
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void write(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.proctest.child.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's hold of the clock lasts a second from when it was last seen to run: one blocked for
 * good loses it, one that runs between its blocks keeps it. Real threads of this JVM; the times
 * given to {@link Holds#fresh} are the observer's, which the test chooses.
 */
class HoldsTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Holds holds = new Holds();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stop;
    private Thread thread;

    @AfterEach
    void release() throws InterruptedException {
        stop = true;
        release.countDown();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    @Test
    void aTaskThatDoesNotRunLosesItsHoldAfterASecond() throws Exception {
        String tid = waiting(start(() -> release.await()));
        long now = System.nanoTime();

        assertThat(holds.fresh(tid, now)).isTrue();
        assertThat(holds.fresh(tid, now + SECOND / 2)).isTrue();
        assertThat(holds.fresh(tid, now + SECOND)).as("held, a second after it was first seen blocked").isFalse();
    }

    @Test
    void aTaskThatRunsBetweenItsBlocksHoldsAfresh() throws Exception {
        AtomicLong rounds = new AtomicLong();
        String tid = start(() -> {
            while (!stop) {
                Thread.sleep(1); // a test JVM's thread, not rewritten: a real millisecond, then it runs again
                rounds.incrementAndGet();
            }
        });
        assumeThat(Files.exists(Path.of("/proc/self/task", tid, "schedstat"))).as("schedstat").isTrue();
        long now = System.nanoTime();
        assertThat(holds.fresh(tid, now)).isTrue();
        long seen = rounds.get();
        long deadline = System.nanoTime() + 10 * SECOND;
        while (rounds.get() < seen + 2 && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }

        assertThat(rounds.get()).as("rounds the thread ran").isGreaterThanOrEqualTo(seen + 2);
        assertThat(holds.fresh(tid, now + SECOND)).as("held, a second after it was first seen, having run since").isTrue();
    }

    @Test
    void aHoldThatEndsStartsAgainWhenTheTaskIsNextSeenBlocked() throws Exception {
        String tid = waiting(start(() -> release.await()));
        long now = System.nanoTime();
        assertThat(holds.fresh(tid, now)).isTrue();

        holds.end(tid);

        assertThat(holds.fresh(tid, now + SECOND)).isTrue();
        assertThat(holds.fresh(tid, now + 2 * SECOND)).isFalse();
    }

    /** Returns {@code tid} once the thread waits, and its task sleeps: it does not run again before it is released. */
    private String waiting(String tid) throws Exception {
        long deadline = System.nanoTime() + 10 * SECOND;
        while (!(thread.getState() == Thread.State.WAITING && sleeps(tid)) && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        assertThat(sleeps(tid)).as("the task of a thread that waits sleeps").isTrue();
        return tid;
    }

    /** Whether the task's state, after its name in {@code stat}, is {@code S}. */
    private static boolean sleeps(String tid) throws Exception {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'S';
    }

    /** Starts a thread that runs {@code body}; returns its task's id. */
    private String start(Body body) throws Exception {
        assumeThat(Files.exists(Path.of("/proc/thread-self"))).as("Linux's /proc").isTrue();
        CompletableFuture<String> tid = new CompletableFuture<>();
        thread = new Thread(() -> {
            try {
                tid.complete(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                body.run();
            } catch (Exception e) {
                tid.completeExceptionally(e);
            }
        }, "held");
        thread.setDaemon(true);
        thread.start();
        return tid.get(10, TimeUnit.SECONDS);
    }

    private interface Body {
        void run() throws Exception;
    }
}

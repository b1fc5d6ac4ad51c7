package dev.proctest.engine.links;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The thread of one link: one selector for its listener and all its connections, the times its
 * flows asked to be woken at, and the tasks the test's threads hand it. Everything of a link runs
 * here, so that nothing of it needs a lock.
 */
final class LinkLoop implements AutoCloseable {

    /** What a selection key or a timer wakes. */
    interface Handler {
        void ready(SelectionKey key, ByteBuffer buffer, long now);

        /** Woken by the timer set for {@code at}, at {@code now} or soon after. */
        default void woken(long now, long at) {}

        /** What {@link #ready} or {@link #woken} threw: the handler gives up what it holds, the loop goes on. */
        default void broke(RuntimeException cause) {}
    }

    private record Timer(long at, long order, Handler handler) {}

    /** How long a test's call waits for the link's thread: only a predicate that blocks holds it up that long. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicLong THREADS = new AtomicLong();

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.order, b.order));
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 18);
    private final Consumer<Exception> trouble;
    private long timerCount;
    private volatile boolean running = true;

    /** @param trouble told of what went wrong on the link's thread, which goes on */
    LinkLoop(String name, Consumer<Exception> trouble) {
        this.trouble = trouble;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a selector for " + name, e);
        }
        thread = new Thread(this::run, "proctest-link-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        channel.configureBlocking(false);
        return channel.register(selector, ops, handler);
    }

    /** Wakes {@code handler} at {@code at} ({@link System#nanoTime()}) or soon after. */
    void wakeAt(long at, Handler handler) {
        timers.add(new Timer(at, timerCount++, handler));
    }

    /**
     * Runs {@code task} on the link's thread and returns its result once it has run: a fault is in
     * force when the call that set it returns. Runs it at once when called from the link's thread.
     */
    <T> T call(Supplier<T> task) {
        if (Thread.currentThread() == thread) {
            return task.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                T value = task.get();
                completeCloses();
                result.complete(value);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The link's thread did not take the call within " + CALL_TIMEOUT.toSeconds()
                    + " s: does one of its drop or hold predicates block?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the link's thread", e);
        }
    }

    /**
     * Makes the closes of channels registered here happen now: the JDK closes such a channel's
     * socket only when a selection deregisters it, and a refused or reset connection must be so
     * when the call that asked for it returns. Ready keys it finds are handled by the loop. Call
     * on the link's thread.
     */
    void completeCloses() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            trouble.accept(e);
        }
    }

    private void run() {
        while (running) {
            try {
                long now = System.nanoTime();
                Timer next = timers.peek();
                if (next == null) {
                    selector.select();
                } else if (next.at - now > 0) { // rounded up: a timer never ends in a spin
                    selector.select(Math.max(1, (next.at - now + 999_999) / 1_000_000));
                } else {
                    selector.selectNow();
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                now = System.nanoTime();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove(); // handled once, also when its handler throws
                    if (key.isValid()) {
                        Handler handler = (Handler) key.attachment();
                        handle(handler, () -> handler.ready(key, buffer, System.nanoTime()));
                    }
                }
                now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().at - now <= 0) {
                    Timer timer = timers.poll();
                    long at = now;
                    handle(timer.handler, () -> timer.handler.woken(at, timer.at));
                }
            } catch (IOException | RuntimeException e) { // the selector's own trouble: the link goes on
                if (running) {
                    trouble.accept(e);
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // the thread ends either way
        }
    }

    /** Returns how many wake-ups are pending, for tests of the timers' bound. Call on the link's thread. */
    int pendingTimers() {
        return timers.size();
    }

    /** Runs what a handler does; one connection's trouble is not the link's. */
    private void handle(Handler handler, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            trouble.accept(e);
            handler.broke(e);
        }
    }

    /** Runs {@code last} on the link's thread, then ends it. */
    void close(Runnable last) {
        if (!thread.isAlive()) {
            return;
        }
        call(() -> {
            last.run();
            running = false;
            return null;
        });
        try {
            thread.join(CALL_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(() -> {});
    }
}

package dev.proctest.child;

import dev.proctest.RemoteCallable;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Serialization;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Runs the lambdas the test sends with {@code child.run(...)}, each on a thread of its own so that
 * a slow one holds up neither the channel nor the others, and replies with what it returned or
 * threw.
 */
final class RemoteRuns {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "proctest-run-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final BiConsumer<Long, Reply> reply;

    /** @param reply sends the reply to run {@code number} */
    RemoteRuns(BiConsumer<Long, Reply> reply) {
        this.reply = reply;
    }

    /** Runs the serialized callable {@code callable} as run {@code number} and replies; returns at once. */
    void run(long number, byte[] callable) {
        executor.execute(() -> reply.accept(number, Reply.of(() -> ((RemoteCallable<?>) Serialization.read(callable)).call())));
    }
}

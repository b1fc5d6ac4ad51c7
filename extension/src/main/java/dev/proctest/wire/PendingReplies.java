package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * The numbered requests one end of the channel sent and awaits replies to: runs of {@code
 * child.run} in the test JVM, remote answers in the child. Each request gets the next number; its
 * reply completes the future of that number; a reply nobody waits for any more is dropped.
 */
@API(status = INTERNAL, since = "0.1")
public final class PendingReplies {

    private final AtomicLong numbers = new AtomicLong();
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();

    /** A request waiting for its reply; {@link #close} it once the reply is in or no longer awaited. */
    public final class Request implements AutoCloseable {

        private final long number = numbers.incrementAndGet();
        private final CompletableFuture<Reply> reply = new CompletableFuture<>();

        private Request() {
            pending.put(number, reply);
        }

        public long number() {
            return number;
        }

        public CompletableFuture<Reply> reply() {
            return reply;
        }

        @Override
        public void close() {
            pending.remove(number);
        }
    }

    /** Starts a request: numbers it and waits for its reply from now on. */
    public Request start() {
        return new Request();
    }

    /** Takes the reply to request {@code number}; a reply to a request nobody waits for is dropped. */
    public void complete(long number, Reply reply) {
        CompletableFuture<Reply> request = pending.remove(number);
        if (request != null) {
            request.complete(reply);
        }
    }
}

package dev.proctest.engine.coordination;

import dev.proctest.CoordinationException;
import dev.proctest.engine.config.Durations;
import dev.proctest.wire.Reply;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One mailbox of a scope, guarded by its {@link Coordination}: the values put and not taken yet,
 * oldest first, and the takers waiting for one, served in the order they came. A value goes to
 * exactly one taker.
 */
final class Queue {

    /** A taker waiting for a value. */
    private interface Taker {
        /** Gives it {@code value}; false if it no longer waits. */
        boolean give(byte[] value);

        void fail(String reason);
    }

    /** The test's thread, waiting on the scope's changes for its value. */
    record TestTaker(CompletableFuture<byte[]> value) implements Taker {

        @Override
        public boolean give(byte[] bytes) {
            return value.complete(bytes);
        }

        @Override
        public void fail(String reason) {
            value.completeExceptionally(new CoordinationException(reason));
        }
    }

    private final class ChildTaker implements Taker {

        private final Consumer<Reply> reply;
        private ScheduledFuture<?> timer;

        ChildTaker(Consumer<Reply> reply) {
            this.reply = reply;
        }

        @Override
        public boolean give(byte[] value) {
            timer.cancel(false);
            reply.accept(new Reply(Reply.Outcome.VALUE, value));
            return true;
        }

        @Override
        public void fail(String reason) {
            timer.cancel(false);
            reply.accept(Reply.failed(describe() + ": " + reason));
        }
    }

    private final String key;
    private final String scopeName;
    private final Object lock;
    private final Deque<byte[]> values = new ArrayDeque<>();
    private final Deque<Taker> takers = new ArrayDeque<>();

    Queue(String key, String scopeName, Object lock) {
        this.key = key;
        this.scopeName = scopeName;
        this.lock = lock;
    }

    void put(byte[] value) {
        while (!takers.isEmpty()) {
            if (takers.poll().give(value)) {
                return;
            }
        }
        values.add(value);
    }

    void childTakes(String child, Consumer<Reply> reply, Duration timeout, String clock) {
        if (!values.isEmpty()) {
            reply.accept(new Reply(Reply.Outcome.VALUE, values.poll()));
            return;
        }
        ChildTaker taker = new ChildTaker(reply);
        taker.timer = Coordination.TIMERS.schedule(() -> {
            synchronized (lock) {
                if (takers.remove(taker)) {
                    reply.accept(Reply.failed(describe() + ": child '" + child + "' found it empty for " + Durations.format(timeout)
                            + " of real time" + clock));
                }
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        takers.add(taker);
    }

    TestTaker testTakes() {
        TestTaker taker = new TestTaker(new CompletableFuture<>());
        if (!values.isEmpty()) {
            taker.give(values.poll());
        } else {
            takers.add(taker);
        }
        return taker;
    }

    /** The test no longer waits for {@code taker}'s value. */
    void withdraw(TestTaker taker) {
        takers.remove(taker);
    }

    void fail(String reason) {
        takers.forEach(taker -> taker.fail(reason));
        takers.clear();
    }

    /** Names the mailbox and says how full it is, for messages. */
    String describe() {
        return "Mailbox '" + key + "' of the " + scopeName + " (" + values.size() + (values.size() == 1 ? " value" : " values")
                + " in it)";
    }
}

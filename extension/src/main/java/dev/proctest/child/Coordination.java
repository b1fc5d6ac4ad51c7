package dev.proctest.child;

import dev.proctest.CoordinationException;
import dev.proctest.child.time.OutsideWaits;
import dev.proctest.wire.Message;
import dev.proctest.wire.PendingReplies;
import dev.proctest.wire.Reply;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The child's side of barriers and mailboxes: each arrival and take is a request to the test JVM,
 * which keeps the barriers and queues of the child's scope and decides, in real time, when a wait
 * ends. The child waits for that answer as long as its channel to the test JVM lives: a test JVM
 * that falls silent ends the child anyway.
 */
final class Coordination {

    private static final long LOOK_AGAIN_MILLIS = 200;

    private final PendingReplies requests = new PendingReplies();
    private final Consumer<Message> send;
    private final BooleanSupplier connected;

    /**
     * @param send sends a message to the test JVM
     * @param connected whether the channel to the test JVM still runs
     */
    Coordination(Consumer<Message> send, BooleanSupplier connected) {
        this.send = send;
        this.connected = connected;
    }

    /** Arrives at {@code barrier} and waits until it is passed; a null timeout is the test JVM's default. */
    void barrier(String barrier, Duration timeout) {
        try (PendingReplies.Request request = requests.start()) {
            send.accept(new Message.Arrive(request.number(), barrier, millis(timeout)));
            await(request, "barrier '" + barrier + "'");
        }
    }

    void put(String key, byte[] value) {
        send.accept(new Message.Put(key, value));
    }

    /** Takes the oldest value of mailbox {@code key}, serialized; a null timeout is the test JVM's default. */
    byte[] take(String key, Duration timeout) {
        try (PendingReplies.Request request = requests.start()) {
            send.accept(new Message.Take(request.number(), key, millis(timeout)));
            return await(request, "mailbox '" + key + "'").payload();
        }
    }

    /** Takes the test JVM's answer to request {@code number}. */
    void granted(long number, Reply reply) {
        requests.complete(number, reply);
    }

    private Reply await(PendingReplies.Request request, String what) {
        OutsideWaits.Wait outside = OutsideWaits.begin(what);
        try {
            return awaitReply(request, what);
        } finally {
            outside.close();
        }
    }

    private Reply awaitReply(PendingReplies.Request request, String what) {
        while (true) {
            try {
                Reply reply = request.reply().get(LOOK_AGAIN_MILLIS, TimeUnit.MILLISECONDS);
                if (reply.outcome() != Reply.Outcome.VALUE) {
                    throw new CoordinationException(reply.failure());
                }
                return reply;
            } catch (TimeoutException e) {
                if (!connected.getAsBoolean()) {
                    throw new CoordinationException(what + ": the channel to the test JVM has closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CoordinationException(what + ": the waiting thread was interrupted", e);
            } catch (ExecutionException e) {
                throw new CoordinationException(what + ": " + e.getCause(), e.getCause());
            }
        }
    }

    private static long millis(Duration timeout) {
        if (timeout == null) {
            return -1;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A timeout must be positive, was " + timeout);
        }
        return Math.max(1, timeout.toMillis());
    }
}

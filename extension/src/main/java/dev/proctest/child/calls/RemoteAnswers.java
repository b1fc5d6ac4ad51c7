package dev.proctest.child.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.ChildTime;
import dev.proctest.child.time.OutsideWaits;
import dev.proctest.wire.CallCodec;
import dev.proctest.wire.PendingReplies;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Serialization;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * The calls of mocked methods whose answers the test JVM computes: the call is sent, and the
 * calling thread waits for the answer. Public for the channel; not for users.
 */
@API(status = INTERNAL, since = "0.1")
public final class RemoteAnswers {

    /** How long a call waits for the test JVM's answer. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final PendingReplies PENDING = new PendingReplies();
    private static volatile BiConsumer<Long, byte[]> asker = (number, call) -> {
        throw new IllegalStateException("no channel to the test JVM");
    };

    private RemoteAnswers() {}

    static void sendWith(BiConsumer<Long, byte[]> sender) {
        asker = sender;
    }

    /** Takes the test JVM's answer to question {@code number}; called on the channel's thread. */
    public static void answered(long number, Reply reply) {
        PENDING.complete(number, reply);
    }

    /** Asks the test JVM for the answer to this call and waits for it; throws what the answer threw. */
    static Object ask(Object self, String type, String method, String descriptor, String returnType, Object[] arguments) {
        String what = "the test's answer to " + type + "." + method;
        Reply reply;
        OutsideWaits.Wait outside = OutsideWaits.begin(what);
        try (PendingReplies.Request request = PENDING.start()) {
            Instant now = ChildTime.instant();
            String instance = self == null ? "" : type.substring(type.lastIndexOf('.') + 1) + "@" + Integer.toHexString(System.identityHashCode(self));
            asker.accept(request.number(), CallCodec.encode(0, now.getEpochSecond(), now.getNano(), Thread.currentThread().getName(), type,
                    method, descriptor, instance, self == null ? CallCodec.Kind.STATIC : CallCodec.Kind.METHOD, arguments,
                    CallCodec.Outcome.NOTHING, null, null));
            reply = request.reply().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not come within " + PATIENCE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            outside.close();
        }
        return outcome(reply, what);
    }

    private static Object outcome(Reply reply, String what) {
        if (reply.outcome() == Reply.Outcome.FAILED) {
            throw new IllegalStateException(what + " failed: " + reply.failure());
        }
        Object payload;
        try {
            payload = Serialization.read(reply.payload());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(what + " cannot be read in the child: " + e, e);
        }
        if (reply.outcome() == Reply.Outcome.THROWN) {
            if (payload instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (payload instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " threw " + payload, (Throwable) payload);
        }
        return payload;
    }
}

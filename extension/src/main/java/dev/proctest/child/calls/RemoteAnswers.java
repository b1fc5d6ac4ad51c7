package dev.proctest.child.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.ChildTime;
import dev.proctest.wire.CallCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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

    private record Outcome(String kind, byte[] payload) {}

    private static final AtomicLong NUMBERS = new AtomicLong();
    private static final Map<Long, CompletableFuture<Outcome>> PENDING = new ConcurrentHashMap<>();
    private static volatile BiConsumer<byte[], byte[]> asker = (number, call) -> {
        throw new IllegalStateException("no channel to the test JVM");
    };

    private RemoteAnswers() {}

    static void sendWith(BiConsumer<byte[], byte[]> sender) {
        asker = sender;
    }

    /** Takes the test JVM's answer to question {@code number}; called on the channel's thread. */
    public static void answered(byte[] number, String kind, byte[] payload) {
        CompletableFuture<Outcome> pending = PENDING.remove(Long.parseLong(new String(number, StandardCharsets.US_ASCII)));
        if (pending != null) {
            pending.complete(new Outcome(kind, payload));
        }
    }

    /** Asks the test JVM for the answer to this call and waits for it; throws what the answer threw. */
    static Object ask(Object self, String type, String method, String descriptor, String returnType, Object[] arguments) {
        long number = NUMBERS.incrementAndGet();
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        PENDING.put(number, answer);
        String what = "the test's answer to " + type + "." + method;
        Outcome outcome;
        try {
            Instant now = ChildTime.instant();
            String instance = self == null ? "" : type.substring(type.lastIndexOf('.') + 1) + "@" + Integer.toHexString(System.identityHashCode(self));
            asker.accept(Long.toString(number).getBytes(StandardCharsets.US_ASCII), CallCodec.encode(0, now.getEpochSecond(), now.getNano(),
                    Thread.currentThread().getName(), type, method, descriptor, instance, self == null ? CallCodec.Kind.STATIC : CallCodec.Kind.METHOD, arguments,
                    CallCodec.Outcome.NOTHING, null, null));
            outcome = answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not come within " + PATIENCE.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            PENDING.remove(number);
        }
        return outcome(outcome, what, returnType);
    }

    private static Object outcome(Outcome outcome, String what, String returnType) {
        if (outcome.kind().equals("failed")) {
            throw new IllegalStateException(what + " failed: " + new String(outcome.payload(), StandardCharsets.UTF_8));
        }
        Object payload = read(outcome.payload(), what);
        if (outcome.kind().equals("thrown")) {
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

    private static Object read(byte[] bytes, String what) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(what + " cannot be read in the child: " + e, e);
        }
    }
}

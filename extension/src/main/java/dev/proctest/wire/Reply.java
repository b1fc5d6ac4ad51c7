package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;

/**
 * How a computation asked for across the channel ended: the reply to a {@code child.run} (computed
 * in the child) and to a remote answer (computed in the test JVM) alike. The value or the
 * throwable travels serialized; when it does not serialize, the reply says so in text.
 */
@API(status = INTERNAL, since = "0.1")
public record Reply(Outcome outcome, byte[] payload) {

    /** How the computation ended. */
    public enum Outcome {
        /** It returned; the payload is the serialized value. */
        VALUE,
        /** It threw; the payload is the serialized throwable. */
        THROWN,
        /** Neither could be sent, or there was nothing to compute; the payload says why, in UTF-8. */
        FAILED
    }

    /** A failed reply saying {@code why}. */
    public static Reply failed(String why) {
        return new Reply(Outcome.FAILED, why.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code computation} and replies with what it returned or threw. */
    public static Reply of(Callable<?> computation) {
        Object value;
        try {
            value = computation.call();
        } catch (Throwable thrown) {
            return thrown(thrown);
        }
        return value(value);
    }

    /** Replies with {@code value}, or says that it does not serialize. */
    public static Reply value(Object value) {
        try {
            return new Reply(Outcome.VALUE, Serialization.write(value));
        } catch (IOException | RuntimeException e) {
            return failed("returned " + value.getClass().getName() + ", which does not serialize: " + e);
        }
    }

    /** Replies with {@code thrown}, or says that it does not serialize, with its stack trace. */
    public static Reply thrown(Throwable thrown) {
        try {
            return new Reply(Outcome.THROWN, Serialization.write(thrown));
        } catch (IOException | RuntimeException e) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            return failed("threw " + trace.toString().stripTrailing() + ", which does not serialize: " + e);
        }
    }

    /** The reason of a {@link Outcome#FAILED} reply. */
    public String failure() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}

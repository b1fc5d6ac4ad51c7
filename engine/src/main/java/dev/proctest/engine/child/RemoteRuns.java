package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.RemoteCallable;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.wire.PendingReplies;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Serialization;
import java.io.IOException;
import java.io.NotSerializableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code child.run(lambda)}: serializes the lambda, sends it to the child, waits for its reply and
 * turns it into the value or the exception, with messages that say which side failed. proctest's
 * own callables, such as a {@linkplain ClockShifts clock shift}, travel the same way.
 */
final class RemoteRuns {

    private static final String LAMBDA = "the lambda given to run";

    private RemoteRuns() {}

    /** @param connection the child's connection, or null for a command child, which runs no lambda */
    static <T> T run(RunningChild child, ChildConnection connection, RemoteCallable<T> callable, Duration timeout) {
        Objects.requireNonNull(callable, "callable");
        if (connection == null) {
            throw new ChildProcessException("Cannot run a lambda in child '" + child.name() + "': it is not a Java child ("
                    + child.spec() + "); only a JavaChild runs proctest's runtime");
        }
        return run(child, connection, callable, timeout, LAMBDA);
    }

    /** @param what what runs, for messages: {@code "the lambda given to run"} */
    @SuppressWarnings("unchecked")
    static <T> T run(RunningChild child, ChildConnection connection, RemoteCallable<T> callable, Duration timeout, String what) {
        byte[] bytes = serialize(child, callable);
        Optional<PendingReplies.Request> sent = connection.run(bytes);
        if (sent.isEmpty()) {
            throw new ChildProcessException(ChildReport.of(child, "is not connected to the test JVM (it has "
                    + (child.isAlive() ? "not connected yet" : "exited") + "), so it cannot run " + what));
        }
        try (PendingReplies.Request request = sent.get()) {
            return (T) outcome(child, await(child, connection, request, timeout, what));
        }
    }

    private static byte[] serialize(RunningChild child, RemoteCallable<?> callable) {
        try {
            return Serialization.write(callable);
        } catch (NotSerializableException e) {
            throw new ChildProcessException("Cannot run the lambda in child '" + child.name() + "': it captures a " + e.getMessage()
                    + ", which is not serializable. Capture only serializable values, such as strings, numbers and records that"
                    + " implement Serializable.", e);
        } catch (IOException e) {
            throw new ChildProcessException("Cannot run the lambda in child '" + child.name() + "': it does not serialize: " + e, e);
        }
    }

    /** Waits for the reply, or for the child's exit. */
    private static Reply await(RunningChild child, ChildConnection connection, PendingReplies.Request request, Duration timeout,
            String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            child.status().changes().await(() -> request.reply().isDone() || !child.isAlive(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "was still running " + what + " when the test's thread was"
                    + " interrupted"), e);
        }
        if (!request.reply().isDone() && !child.isAlive()) {
            child.settleLog(deadline); // a reply sent before the exit comes with the last records
        }
        if (request.reply().isDone()) {
            return request.reply().join();
        }
        throw new ChildProcessException(ChildReport.of(child, child.isAlive()
                ? "did not return from " + what + " within " + Durations.format(timeout)
                        + connection.coordinationWait().map(wait -> " (" + wait + ")").orElse("")
                : "exited before it returned from " + what));
    }

    private static Object outcome(RunningChild child, Reply reply) {
        if (reply.outcome() == Reply.Outcome.FAILED) {
            throw new ChildProcessException("The lambda run in child '" + child.name() + "' " + reply.failure());
        }
        Object payload;
        try {
            payload = Serialization.read(reply.payload());
        } catch (IOException | ClassNotFoundException e) {
            throw new ChildProcessException("The lambda run in child '" + child.name() + "' returned a value the test JVM cannot read: "
                    + e, e);
        }
        if (reply.outcome() == Reply.Outcome.VALUE) {
            return payload;
        }
        Throwable thrown = (Throwable) payload;
        thrown.addSuppressed(new RemoteOrigin(child.name()));
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new ChildProcessException("The lambda run in child '" + child.name() + "' threw " + thrown, thrown);
    }

    /** Attached to what a lambda threw in a child: where it was thrown. */
    static final class RemoteOrigin extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RemoteOrigin(String child) {
            super("thrown in child '" + child + "' by the lambda given to run; the stack trace above is the child's", null, false, false);
        }
    }
}

package dev.proctest.engine.process;

import dev.proctest.ChildProcessException;
import dev.proctest.RemoteCallable;
import dev.proctest.engine.config.Durations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code child.run(lambda)}: serializes the lambda, sends it over the hub, waits for the child's
 * answer and turns it into the value or the exception, with messages that say which side failed.
 */
final class RemoteRuns {

    /** Sends a serialized callable to the child as call {@code number}; false if the child is not connected. */
    interface Caller {
        boolean call(long number, byte[] callable);
    }

    private static final AtomicLong NUMBERS = new AtomicLong();
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private RemoteRuns() {}

    @SuppressWarnings("unchecked")
    static <T> T run(RunningChild child, Caller caller, RemoteCallable<T> callable, Duration timeout) {
        byte[] bytes = serialize(child, callable);
        long number = NUMBERS.incrementAndGet();
        CompletableFuture<ChildState.Returned> returned = child.state().expectReturn(number);
        try {
            if (!caller.call(number, bytes)) {
                throw new ChildProcessException(ChildReport.of(child, "is not connected to the test JVM (it has "
                        + (child.isAlive() ? "not connected yet" : "exited") + "), so it cannot run the lambda given to run"));
            }
            return (T) outcome(child, await(child, returned, timeout));
        } finally {
            child.state().forgetCall(number);
        }
    }

    private static byte[] serialize(RunningChild child, RemoteCallable<?> callable) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(callable);
        } catch (NotSerializableException e) {
            throw new ChildProcessException("Cannot run the lambda in child '" + child.name() + "': it captures a " + e.getMessage()
                    + ", which is not serializable. Capture only serializable values, such as strings, numbers and records that"
                    + " implement Serializable.", e);
        } catch (IOException e) {
            throw new ChildProcessException("Cannot run the lambda in child '" + child.name() + "': it does not serialize: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** Waits for the answer, checking now and then that the child still lives. */
    private static ChildState.Returned await(RunningChild child, CompletableFuture<ChildState.Returned> returned, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new ChildProcessException(ChildReport.of(child, "did not return from the lambda given to run within "
                            + Durations.format(timeout)));
                }
                try {
                    return returned.get(Math.min(remaining, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (!child.isAlive()) {
                        child.settleLog();
                        throw new ChildProcessException(ChildReport.of(child, "exited before it returned from the lambda given to run"));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "was still running the lambda given to run when the test's"
                    + " thread was interrupted"), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Object outcome(RunningChild child, ChildState.Returned returned) {
        if (returned.outcome().equals("failed")) {
            throw new ChildProcessException("The lambda run in child '" + child.name() + "' "
                    + new String(returned.payload(), StandardCharsets.UTF_8));
        }
        Object payload = deserialize(child, returned.payload());
        if (returned.outcome().equals("value")) {
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

    private static Object deserialize(RunningChild child, byte[] bytes) {
        try (ObjectInputStream in = new TestClassLoaderInput(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new ChildProcessException("The lambda run in child '" + child.name() + "' returned a value the test JVM cannot read: "
                    + e, e);
        }
    }

    /** Reads classes through the test's class loader, which knows the test's classes when the engine's does not. */
    private static final class TestClassLoaderInput extends ObjectInputStream {

        TestClassLoaderInput(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // the engine's own loader, below
                }
            }
            return super.resolveClass(description);
        }
    }

    /** Attached to what a lambda threw in a child: where it was thrown. */
    static final class RemoteOrigin extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RemoteOrigin(String child) {
            super("thrown in child '" + child + "' by the lambda given to run; the stack trace above is the child's", null, false, false);
        }
    }
}

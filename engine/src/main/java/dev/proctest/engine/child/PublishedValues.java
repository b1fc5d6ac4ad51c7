package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.wire.Serialization;
import java.io.IOException;
import java.time.Duration;

/** {@code child.published(key)}: waits for a value the child published with {@code ProcTest.publish}, and reads it. */
final class PublishedValues {

    private PublishedValues() {}

    /** Waits until the child has published {@code key}, or has exited, or {@code timeout} has passed. */
    static Object await(RunningChild child, String key, Duration timeout) {
        ChildStatus status = child.status();
        try {
            status.changes().await(() -> status.publishedValue(key).isPresent() || !child.isAlive(), System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "was interrupted waiting for [" + key + "]"), e);
        }
        byte[] value = status.publishedValue(key).orElseThrow(() -> new ChildProcessException(ChildReport.of(child, "did not publish ["
                + key + "] " + (child.isAlive() ? "within " + Durations.format(timeout) : "before it exited"))));
        try {
            return Serialization.read(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new ChildProcessException("Child '" + child.name() + "' published [" + key + "] as a value the test JVM cannot read: "
                    + e, e);
        }
    }

    /** Returns {@code value}, published under {@code key}, as a {@code type}. */
    static <T> T as(RunningChild child, String key, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new ChildProcessException("Child '" + child.name() + "' published [" + key + "] as a " + value.getClass().getName()
                    + " (" + value + "), not a " + type.getName());
        }
        return type.cast(value);
    }
}

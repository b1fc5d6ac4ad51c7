package dev.proctest.child;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.CoordinationException;
import dev.proctest.Mailbox;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What code running in a proctest child can tell the test. Outside a child (the same program run
 * on its own, say) {@link #ready()} and {@link #publish} do nothing, so a {@code main} can call them
 * unconditionally; the barriers and mailboxes, which need a test to wait with, throw an {@link
 * IllegalStateException} there.
 *
 * <pre>{@code
 * int port = socket.bindToRandomPort("tcp://127.0.0.1");
 * ProcTest.publish("port", port);
 * ProcTest.ready();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ProcTest {

    private ProcTest() {}

    /** Tells the test the child is ready: {@code spawn} with {@code Ready.whenSignalled()} returns. */
    public static void ready() {
        ChildChannel channel = ChildChannel.current();
        if (channel != null) {
            channel.ready();
        }
    }

    /**
     * Publishes {@code value} under {@code key}; the test reads it with {@code child.published(key)}.
     * The value travels by Java serialization, so the test must be able to load its class.
     */
    public static void publish(String key, Serializable value) {
        Objects.requireNonNull(key, "key");
        ChildChannel channel = ChildChannel.current();
        if (channel != null) {
            channel.publish(key, value);
        }
    }

    /** Returns whether this code runs in a child that proctest started. */
    public static boolean isChild() {
        return ChildChannel.current() != null;
    }

    /**
     * Arrives at barrier {@code name} of the child's scope and waits until the test, with {@code
     * processes.barrier(name, children...)}, and every child it names have arrived. A barrier is
     * passed once: arriving again afterwards returns at once. Waits up to {@code
     * proctest.coordination.timeout} of real time, also in a child whose time runs faster.
     *
     * @throws CoordinationException if the barrier breaks (a party exited, the test failed, timed
     *     out or ended, someone gave up waiting), this child is not one of its parties, or it is not
     *     passed in time
     * @throws IllegalStateException outside a proctest child
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static void barrier(String name) {
        coordination("barrier").barrier(Objects.requireNonNull(name, "name"), null);
    }

    /** Like {@link #barrier(String)}, waiting up to {@code timeout} of real time. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static void barrier(String name, Duration timeout) {
        coordination("barrier").barrier(Objects.requireNonNull(name, "name"), Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Returns mailbox {@code key} of the child's scope: the queue the test sees with {@code
     * processes.mailbox(key)}, and other children of the scope with this method.
     *
     * @throws IllegalStateException outside a proctest child
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static Mailbox<Serializable> mailbox(String key) {
        return mailbox(key, Serializable.class);
    }

    /** Like {@link #mailbox(String)}, for values of {@code type}: a take of another type fails, saying so. */
    @API(status = EXPERIMENTAL, since = "0.4")
    public static <T extends Serializable> Mailbox<T> mailbox(String key, Class<T> type) {
        return new ChildMailbox<>(coordination("mailbox"), Objects.requireNonNull(key, "key"), Objects.requireNonNull(type, "type"));
    }

    private static Coordination coordination(String what) {
        ChildChannel channel = ChildChannel.current();
        if (channel == null) {
            throw new IllegalStateException("ProcTest." + what + " works only in a child that proctest started, which waits with"
                    + " its test; this JVM is not one");
        }
        return channel.coordination();
    }
}

package dev.proctest.child;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What code running in a proctest child can tell the test. Outside a child (the same program run
 * on its own, say) every method does nothing, so a {@code main} can call them unconditionally.
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
}

package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * A first-in, first-out queue of values under one key, shared by a test and its children: what one
 * side puts, the other takes. The test gets it from {@link Processes#mailbox(String)}, a child from
 * {@code ProcTest.mailbox(key)}; both see the same queue, which belongs to the scope of the test
 * (or of its class, for the children of {@code @BeforeAll}).
 *
 * <pre>{@code
 * // in a child
 * ProcTest.mailbox("orders").put(new Order(7));
 * // in the test
 * Order first = processes.mailbox("orders", Order.class).take();
 * }</pre>
 *
 * <p>Values travel by Java serialization and are read by whoever takes them, which must be able to
 * load their class. A value is taken once, by one taker; takers that wait are served in the order
 * they came. A put never waits. Every take waits at most a timeout of real time ({@code
 * proctest.coordination.timeout} by default), also in a child whose time runs faster, and fails at
 * once when its test has failed or ended.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @param <T> the type of the values taken
 * @since 0.4
 */
@API(status = EXPERIMENTAL, since = "0.4")
@NotExtensible
public interface Mailbox<T extends Serializable> {

    /**
     * Puts {@code value} at the end of the queue, serialized now: later changes to it do not travel.
     *
     * @throws IllegalArgumentException if it does not serialize or is larger than the channel carries
     */
    void put(T value);

    /**
     * Takes the oldest value, waiting for one up to the default timeout.
     *
     * @throws CoordinationException if none comes in time, the test has failed or ended, or the value
     *     cannot be read here
     */
    T take();

    /** Like {@link #take()}, waiting up to {@code timeout} of real time. */
    T take(Duration timeout);
}

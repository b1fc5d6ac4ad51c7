package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A call made inside a child JVM on an instance (or the class) of a type the child mocks or spies
 * on: a method call, or a construction ({@link #isConstruction()}, method {@code <init>}).
 *
 * <p>Arguments and results travel by Java serialization. One that does not serialize is recorded
 * by its {@code toString()}: {@link #argument(int, Class)} then fails saying so, and {@link
 * #arguments()} holds that text.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface RecordedCall {

    /** Returns the name of the child that made the call. */
    String child();

    /** Returns the binary name of the type whose method was called. */
    String type();

    /** Returns the method's name, {@code <init>} for a construction. */
    String method();

    /** Returns whether this is the construction of an instance. */
    boolean isConstruction();

    /** Identifies the instance within the child ({@code Relay@1b6d3586}), empty for a static method. */
    String instance();

    /** Returns the arguments; one that did not serialize is its {@code toString()}. */
    List<Object> arguments();

    /**
     * Returns argument {@code index} as {@code type}.
     *
     * @throws IllegalArgumentException if there is no such argument, it is not a {@code type}, or it
     *     did not serialize (the message shows its {@code toString()})
     */
    <T> T argument(int index, Class<T> type);

    /** Returns what the call returned; empty for a void method, a construction, or a call that threw. */
    Optional<Object> result();

    /** Returns what the call threw, with the child's stack trace, if it threw. */
    Optional<LoggedThrowable> thrown();

    /** Returns the name of the child's thread that made the call. */
    String thread();

    /** Returns when the child made the call, by the child's clock. */
    Instant time();

    /**
     * Returns the call's number in the child: calls are numbered in the order they were recorded,
     * which is when they returned (a call made inside another is numbered before it).
     */
    long sequence();
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An exception that a child logged, as text: its class, its message and its stack trace with its
 * causes, as {@link Throwable#printStackTrace()} prints them.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class LoggedThrowable {

    private final String type;
    private final String message;
    private final String stackTrace;

    LoggedThrowable(String type, String message, String stackTrace) {
        this.type = Objects.requireNonNull(type, "type");
        this.message = message == null ? "" : message;
        this.stackTrace = Objects.requireNonNull(stackTrace, "stackTrace");
    }

    /** Returns the exception's class name, such as {@code java.lang.IllegalStateException}. */
    public String type() {
        return type;
    }

    /** Returns the exception's message; empty if it had none. */
    public String message() {
        return message;
    }

    /** Returns the whole stack trace with its causes, one frame a line. */
    public String stackTrace() {
        return stackTrace;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedThrowable that && type.equals(that.type) && message.equals(that.message)
                && stackTrace.equals(that.stackTrace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, message, stackTrace);
    }

    @Override
    public String toString() {
        return message.isEmpty() ? type : type + ": " + message;
    }
}

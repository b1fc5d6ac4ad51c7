package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One thing a child logged: a {@code java.util.logging}, Logback or Log4j 2 event, or a line it
 * wrote to stdout or stderr (logger {@code stdout} or {@code stderr}).
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class LogRecord {

    private final String child;
    private final long sequence;
    private final Instant time;
    private final Level level;
    private final String logger;
    private final String thread;
    private final String message;
    private final LoggedThrowable throwable;

    LogRecord(String child, long sequence, Instant time, Level level, String logger, String thread, String message,
            LoggedThrowable throwable) {
        this.child = Objects.requireNonNull(child, "child");
        this.sequence = sequence;
        this.time = Objects.requireNonNull(time, "time");
        this.level = Objects.requireNonNull(level, "level");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.thread = thread == null ? "" : thread;
        this.message = message == null ? "" : message;
        this.throwable = throwable;
    }

    /** Returns the name of the child that logged it. */
    public String child() {
        return child;
    }

    /** Returns its number in the child's log: 1 for the first record, then one more for each. */
    public long sequence() {
        return sequence;
    }

    /** Returns when the child logged it, by the child's clock. */
    public Instant time() {
        return time;
    }

    /** Returns its level: the framework's level mapped to proctest's, INFO for a stdout line, WARN for a stderr line. */
    public Level level() {
        return level;
    }

    /** Returns the logger's name, or {@code stdout} / {@code stderr} for an output line. */
    public String logger() {
        return logger;
    }

    /** Returns the name of the thread that logged it; empty where it is not known, as for a program that is not Java. */
    public String thread() {
        return thread;
    }

    /** Returns its message, formatted as the framework formats it (parameters filled in), or the output line. */
    public String message() {
        return message;
    }

    /** Returns the exception logged with it, if any. */
    public Optional<LoggedThrowable> throwable() {
        return Optional.ofNullable(throwable);
    }

    /**
     * Returns it as the child's log file writes it: {@code 12:00:01.123 pong INFO dev.example.Pong [main] listening},
     * followed by the stack trace's lines if there is an exception.
     */
    public String line() {
        String line = TimeOfDay.format(time) + " " + child + " " + level + " " + logger + (thread.isEmpty() ? "" : " [" + thread + "]")
                + " " + message;
        return throwable == null ? line : line + System.lineSeparator() + throwable.stackTrace().stripTrailing();
    }

    /** Two records are equal if they are the same record: of the same child, with the same number, time and content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LogRecord that && child.equals(that.child) && sequence == that.sequence && time.equals(that.time)
                && level == that.level && logger.equals(that.logger) && thread.equals(that.thread) && message.equals(that.message)
                && Objects.equals(throwable, that.throwable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(child, sequence, time);
    }

    @Override
    public String toString() {
        return line();
    }
}

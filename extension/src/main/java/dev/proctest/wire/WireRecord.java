package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A log record as it travels from a child to the test JVM.
 *
 * @param sequence the child's count of its records, from 1
 * @param epochNanos when it was logged, by the child's clock
 * @param kind an output line or a logging event
 * @param level the {@link dev.proctest.Level} ordinal
 * @param logger the logger's name; {@code stdout} or {@code stderr} for a line
 * @param line for a line of stdout or stderr, the runtime's number for it on its stream ({@link
 *     Echo#line}); -1 for an event
 * @param echoes the lines a console appender wrote to stdout or stderr for this event, which the
 *     test JVM must not take for lines of their own when it reads them from the child's pipes
 */
@API(status = INTERNAL, since = "0.1")
public record WireRecord(
        long sequence,
        long epochNanos,
        Kind kind,
        int level,
        String logger,
        String thread,
        String message,
        String throwableType,
        String throwableMessage,
        String stackTrace,
        long line,
        List<Echo> echoes) {

    /** The levels, as {@link dev.proctest.Level}'s ordinals: a line of stdout is INFO, of stderr WARN. */
    public static final int LEVEL_TRACE = 0;
    public static final int LEVEL_DEBUG = 1;
    public static final int LEVEL_INFO = 2;
    public static final int LEVEL_WARN = 3;
    public static final int LEVEL_ERROR = 4;

    /**
     * The logger of the record a child's runtime logs, at ERROR, for an exception that no code
     * caught on one of its threads; {@link #UNCAUGHT_MAIN} for the thread that ran {@code main},
     * which the exception ended. The record's echo is what the JVM prints for it on stderr.
     */
    public static final String UNCAUGHT = "proctest.uncaught";

    /** The logger of the record of an exception that ended the child's {@code main}. */
    public static final String UNCAUGHT_MAIN = "proctest.uncaught.main";

    /**
     * The logger of an exception that nothing caught while the child's JVM was shutting down: part
     * of its end, which fails the test only if the end does (an exit nobody expected).
     */
    public static final String UNCAUGHT_AT_EXIT = "proctest.uncaught.exit";

    /** What a record is: a line of stdout, a line of stderr, or an event of a logging framework. */
    public enum Kind { STDOUT, STDERR, EVENT }

    /**
     * A line a console appender wrote: to stderr if {@code toStderr}, else to stdout.
     *
     * @param line the runtime's number for the line on its stream, from 0, in the order the lines
     *     reached the stream: the order in which the test JVM reads them from the pipe, whatever
     *     the order of the records that carry them
     */
    public record Echo(boolean toStderr, long line, String text) {}

    public WireRecord {
        echoes = List.copyOf(echoes);
    }

    public boolean hasThrowable() {
        return throwableType != null;
    }
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The severity of a {@link LogRecord}, named as SLF4J names them. Levels of {@code
 * java.util.logging} and Log4j 2 map onto these: {@code FINEST}/{@code FINER} to TRACE, {@code
 * FINE} to DEBUG, {@code CONFIG}/{@code INFO} to INFO, {@code WARNING} to WARN, {@code SEVERE} and
 * Log4j's {@code FATAL} to ERROR. A line on stdout is INFO, a line on stderr WARN.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** Returns whether this level is {@code other} or more severe. */
    public boolean isAtLeast(Level other) {
        return compareTo(other) >= 0;
    }
}

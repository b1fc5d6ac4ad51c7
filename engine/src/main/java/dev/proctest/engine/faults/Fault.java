package dev.proctest.engine.faults;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import org.apiguardian.api.API;

/**
 * One thing a child threw or logged that fails its test, as the record of it in the child's log.
 *
 * @param kind what the record says happened
 */
@API(status = INTERNAL, since = "0.3")
public record Fault(Kind kind, LogRecord record) {

    /** What happened. */
    public enum Kind {
        /** An exception that no code caught, on a thread other than the one that ran {@code main}. */
        UNCAUGHT,
        /** An exception that no code caught and that ended {@code main}. */
        ENDED_MAIN,
        /** A record at or above the level that fails the test. */
        LOGGED
    }
}

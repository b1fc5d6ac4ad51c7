package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A POSIX signal to stop a child with: see {@link Stop#withSignal(Signal)}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum Signal {
    /** Hang-up: many servers reload or stop on it. */
    HUP,
    /** Interrupt, as Ctrl-C sends it. */
    INT,
    /** Quit; a JVM prints a thread dump and carries on. */
    QUIT,
    /** Kill: the process cannot catch it and ends at once, without cleaning up. */
    KILL,
    /** User-defined signal 1. */
    USR1,
    /** User-defined signal 2. */
    USR2,
    /** Terminate: a JVM runs its shutdown hooks and exits. */
    TERM
}

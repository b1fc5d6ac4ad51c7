package dev.proctest.reliability.orphans;

import java.time.Duration;
import java.util.Locale;

/**
 * When in a process test its test JVM is killed: the fixture marks the start of each moment, and
 * the harness kills at a random delay within the moment's window after the mark.
 */
public enum Moment {

    /**
     * As the first child, the shell, has just started: the harness looks for its process and kills
     * within the window after it appears, before the test JVM has done anything else about it.
     */
    FORKING(Duration.ofMillis(3)),
    /** While the children start: the window spans their starts, from the first fork to the last ready. */
    STARTING(Duration.ofMillis(1500)),
    /** While every child runs and is ready. */
    READY(Duration.ofMillis(300)),
    /** While the children are stopped; the one that ignores SIGTERM holds its stop for the stop timeout (2 s). */
    STOPPING(Duration.ofMillis(2500)),
    /** While the children write their coverage, which a stop asks for before it signals. */
    DUMPING(Duration.ofMillis(80)),
    /** While a JVM of the pool, started for the next child alike, waits for it. */
    POOLED(Duration.ofMillis(1000));

    private final Duration window;

    Moment(Duration window) {
        this.window = window;
    }

    /** How long after its mark the moment lasts, about: the kill falls within it. */
    public Duration window() {
        return window;
    }

    /** The word the fixture writes when the moment starts; a kill as the first child starts follows the mark of the start. */
    public String mark() {
        return (this == FORKING ? STARTING : this).name().toLowerCase(Locale.ROOT);
    }

    /** Whether the test JVM runs with the coverage agent, so that a stop makes its children write coverage first. */
    public boolean needsCoverage() {
        return this == DUMPING;
    }
}

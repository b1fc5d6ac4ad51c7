package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a program run to its end produced: see {@link Processes#run}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class ProgramResult {

    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final Duration duration;

    ProgramResult(int exitCode, String stdout, String stderr, Duration duration) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.duration = duration;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Returns everything the program wrote to standard output, decoded as UTF-8. */
    public String stdout() {
        return stdout;
    }

    /** Returns everything the program wrote to standard error, decoded as UTF-8. */
    public String stderr() {
        return stderr;
    }

    /** Returns the time from start to exit. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "ProgramResult[exit code " + exitCode + " after " + duration.toMillis() + " ms]";
    }
}

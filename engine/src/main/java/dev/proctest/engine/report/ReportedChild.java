package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.logs.ChildLog;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/** What a failure message tells of a child: who it is, its state, and its log. */
@API(status = INTERNAL, since = "0.1")
public interface ReportedChild {

    String name();

    long pid();

    boolean isAlive();

    /** Whether it is frozen with {@code SIGSTOP}. */
    boolean isPaused();

    /** Its exit code, once it has exited. */
    OptionalInt exitCode();

    ChildLog log();

    /** How many of its last log lines a message shows. */
    int reportTail();

    /** The calls it recorded. */
    ChildCalls recordedCalls();

    /** What happened to it, for its test's report. */
    ChildEvents events();

    /** Waits, a bounded time, until what an ended child wrote is in its log. */
    void settleLog();
}

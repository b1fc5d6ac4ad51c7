package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import dev.proctest.Signal;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Failure messages about a child, written for the person reading a red build: which child, what
 * state it is in, what happened, and its last output with the path of its full log.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildReport {

    private ChildReport() {}

    /** "Child 'pong' (pid 42, exited with code 1) {what}.", then its last log lines. */
    public static String of(ReportedChild child, String what) {
        return of(child, state(child), what);
    }

    /** Like {@link #of(ReportedChild, String)}, for the state the child was in when {@code what} happened; {@code what} may be empty. */
    public static String of(ReportedChild child, String state, String what) {
        return "Child '" + child.name() + "' (pid " + child.pid() + ", " + state + (child.events().isShared() ? ", shared by the run" : "")
                + ")" + (what.isEmpty() ? "" : " " + what) + ".\n" + output(child);
    }

    /** Like {@link #of(ReportedChild, String)}, with {@code detail} (a stack trace, say) between the sentence and the log. */
    public static String withDetail(ReportedChild child, String what, String detail) {
        return "Child '" + child.name() + "' (pid " + child.pid() + ", " + state(child) + ") " + what + ":\n" + detail + "\n"
                + output(child);
    }

    public static String state(ReportedChild child) {
        if (child.isAlive() || child.exitCode().isEmpty()) {
            return child.isPaused() ? "paused" : "running";
        }
        int code = child.exitCode().getAsInt();
        String signal = code > 128 && code - 128 < 64 ? signalName(code - 128) : null;
        return signal == null ? "exited with code " + code : "ended by " + signal + ", exit code " + code;
    }

    static String output(ReportedChild child) {
        List<String> tail = child.log().retained().last(child.reportTail()).stream().map(LogRecord::line).toList();
        String log = "full log: " + child.log().file();
        if (tail.isEmpty()) {
            return "It logged nothing (" + log + ").";
        }
        StringBuilder text = new StringBuilder("Its last ").append(tail.size() == 1 ? "line" : tail.size() + " lines")
                .append(" of log (").append(log).append("):");
        for (String line : tail) {
            text.append("\n  ").append(line.replace("\n", "\n  "));
        }
        return text.toString();
    }

    private static String signalName(int number) {
        return switch (number) {
            case 1 -> "SIG" + Signal.HUP;
            case 2 -> "SIG" + Signal.INT;
            case 3 -> "SIG" + Signal.QUIT;
            case 9 -> "SIG" + Signal.KILL;
            case 15 -> "SIG" + Signal.TERM;
            default -> "signal " + number;
        };
    }
}

package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines the current thread prints while a logging framework hands one event to its appenders:
 * the event's console echo. A framework's capture opens an echo before the framework's appenders
 * run and closes it after them, on the same thread.
 */
final class Echo {

    private static final ThreadLocal<List<WireRecord.Echo>> OPEN = new ThreadLocal<>();

    private Echo() {}

    static void open() {
        OPEN.set(new ArrayList<>());
    }

    /** Closes the current thread's echo and returns its lines; empty if none was open. */
    static List<WireRecord.Echo> close() {
        List<WireRecord.Echo> lines = OPEN.get();
        OPEN.remove();
        return lines == null ? List.of() : lines;
    }

    /** Adds a line to the current thread's echo; returns false if none is open. */
    static boolean add(boolean toStderr, String text) {
        List<WireRecord.Echo> lines = OPEN.get();
        if (lines == null) {
            return false;
        }
        lines.add(new WireRecord.Echo(toStderr, text));
        return true;
    }
}

package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines the current thread prints while a logging framework hands one event to its appenders:
 * the event's console echo. A framework's capture opens an echo before the framework's appenders
 * run and closes it after them, on the same thread. Each thread keeps one holder for its life: a
 * thread-local set and removed per event costs more than the event itself.
 */
final class Echo {

    private static final ThreadLocal<Echo> CURRENT = ThreadLocal.withInitial(Echo::new);

    private final List<WireRecord.Echo> lines = new ArrayList<>();
    private boolean open;

    private Echo() {}

    static void open() {
        Echo echo = CURRENT.get();
        echo.lines.clear();
        echo.open = true;
    }

    /** Closes the current thread's echo and returns its lines; empty if none was open. */
    static List<WireRecord.Echo> close() {
        Echo echo = CURRENT.get();
        if (!echo.open) {
            return List.of();
        }
        echo.open = false;
        return echo.lines.isEmpty() ? List.of() : List.copyOf(echo.lines);
    }

    /** Returns whether the current thread has an echo open. */
    static boolean isOpen() {
        return CURRENT.get().open;
    }

    /** Adds a line to the current thread's echo; returns false if none is open. */
    static boolean add(boolean toStderr, String text) {
        Echo echo = CURRENT.get();
        if (!echo.open) {
            return false;
        }
        echo.lines.add(new WireRecord.Echo(toStderr, text));
        return true;
    }
}

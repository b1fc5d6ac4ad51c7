package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lines the current thread prints while a logging framework hands one event to its appenders:
 * the event's console echo. A framework's capture opens an echo for the event before the
 * framework's appenders run and closes it after them, on the same thread. An appender may log an
 * event of its own meanwhile, so echoes nest; an echo whose closing never came (an appender threw)
 * is closed with the event around it. Each thread keeps one holder for its life: a thread-local
 * set and removed per event costs more than the event itself.
 */
final class Echo {

    private static final ThreadLocal<Echo> CURRENT = ThreadLocal.withInitial(Echo::new);

    /** How many threads have an echo open: their lines are on the pipes, their events not yet recorded. */
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final List<WireRecord.Echo> lines = new ArrayList<>();
    private Object[] events = new Object[2];
    private int[] starts = new int[2];
    private int depth;

    private Echo() {}

    /** Opens the echo of {@code event} on the current thread. */
    static void open(Object event) {
        Echo echo = CURRENT.get();
        if (echo.depth == 0) {
            OPEN.incrementAndGet();
        } else if (echo.depth == echo.events.length) {
            echo.events = Arrays.copyOf(echo.events, echo.depth * 2);
            echo.starts = Arrays.copyOf(echo.starts, echo.depth * 2);
        }
        echo.events[echo.depth] = event;
        echo.starts[echo.depth] = echo.lines.size();
        echo.depth++;
    }

    /**
     * Closes the echo of {@code event} and returns its lines, with those of echoes opened within it
     * that were never closed; empty if the current thread has no echo of {@code event} open.
     */
    static List<WireRecord.Echo> close(Object event) {
        Echo echo = CURRENT.get();
        int frame = echo.depth - 1;
        while (frame >= 0 && echo.events[frame] != event) {
            frame--;
        }
        if (frame < 0) {
            return List.of();
        }
        int start = echo.starts[frame];
        List<WireRecord.Echo> result = List.of();
        if (start < echo.lines.size()) {
            List<WireRecord.Echo> own = echo.lines.subList(start, echo.lines.size());
            result = List.copyOf(own);
            own.clear();
        }
        Arrays.fill(echo.events, frame, echo.depth, null);
        echo.depth = frame;
        if (frame == 0) {
            OPEN.decrementAndGet();
        }
        return result;
    }

    /**
     * Adds a line, given as the bytes written, to the current thread's innermost echo; returns
     * false, adding nothing, if none is open.
     */
    static boolean add(boolean toStderr, byte[] bytes, int length) {
        Echo echo = CURRENT.get();
        if (echo.depth == 0) {
            return false;
        }
        echo.lines.add(new WireRecord.Echo(toStderr, new String(bytes, 0, length, StandardCharsets.UTF_8)));
        return true;
    }

    /** Returns whether any thread has an echo open. */
    static boolean anyOpen() {
        return OPEN.get() > 0;
    }
}

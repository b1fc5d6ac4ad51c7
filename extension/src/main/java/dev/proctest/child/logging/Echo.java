package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lines the current thread prints while a logging framework hands one event to its appenders:
 * the event's console echo. A framework's capture opens an echo for the event before the
 * framework's appenders run, takes its lines after them, and closes it once the event is with the
 * sink, on the same thread. An appender may log an
 * event of its own meanwhile, so echoes nest; an echo whose closing never came (an appender threw)
 * is closed with the event around it. Each thread keeps one holder for its life: a thread-local
 * set and removed per event costs more than the event itself.
 *
 * <p>An echo that holds lines not yet with the sink is registered, with the number of its first
 * such line on each stream, so that the channel can tell when every line numbered before a given
 * one is with the sink ({@link #holdsLinesBefore}).
 */
final class Echo {

    private static final ThreadLocal<Echo> CURRENT = ThreadLocal.withInitial(Echo::new);

    /** The echoes holding lines that are not yet with the sink. */
    private static final Set<Echo> HOLDING = ConcurrentHashMap.newKeySet();

    private static final long NONE = Long.MAX_VALUE;

    private final List<WireRecord.Echo> lines = new ArrayList<>();
    private Object[] events = new Object[2];
    private int[] starts = new int[2];
    private int depth;
    /** The first line on stdout and on stderr that this echo holds and the sink has not got yet; {@link #NONE} if none. */
    private volatile long firstOut = NONE;
    private volatile long firstErr = NONE;

    private Echo() {}

    /** Opens the echo of {@code event} on the current thread. */
    static void open(Object event) {
        Echo echo = CURRENT.get();
        if (echo.depth == echo.events.length) {
            echo.events = Arrays.copyOf(echo.events, echo.depth * 2);
            echo.starts = Arrays.copyOf(echo.starts, echo.depth * 2);
        }
        echo.events[echo.depth] = event;
        echo.starts[echo.depth] = echo.lines.size();
        echo.depth++;
    }

    /**
     * Returns the lines of {@code event}'s echo, with those of echoes opened within it that were
     * never closed, and leaves the echo open: until {@link #close} a sync waits, as the event is
     * not yet with the sink. Empty if the current thread has no echo of {@code event} open.
     */
    static List<WireRecord.Echo> take(Object event) {
        Echo echo = CURRENT.get();
        int frame = echo.frameOf(event);
        if (frame < 0 || echo.starts[frame] == echo.lines.size()) {
            return List.of();
        }
        // copied, not removed: until the event is with the sink and closed, its lines hold a sync back,
        // also while an event it logs meanwhile (a JUL message formatted after the take) comes and goes
        return List.copyOf(echo.lines.subList(echo.starts[frame], echo.lines.size()));
    }

    /** Closes the echo of {@code event}, and those opened within it, once the event is recorded. */
    static void close(Object event) {
        Echo echo = CURRENT.get();
        int frame = echo.frameOf(event);
        if (frame < 0) {
            return;
        }
        echo.lines.subList(echo.starts[frame], echo.lines.size()).clear();
        Arrays.fill(echo.events, frame, echo.depth, null);
        echo.depth = frame;
        echo.released();
    }

    /**
     * Once an event is with the sink, the lines taken for it no longer hold a sync back: the first
     * lines held are those still in the list, of events around it not yet recorded.
     */
    private void released() {
        if (firstOut == NONE && firstErr == NONE) {
            return;
        }
        long out = NONE;
        long err = NONE;
        for (WireRecord.Echo line : lines) {
            if (line.toStderr()) {
                err = Math.min(err, line.line());
            } else {
                out = Math.min(out, line.line());
            }
        }
        firstOut = out;
        firstErr = err;
        if (out == NONE && err == NONE) {
            HOLDING.remove(this);
        }
    }

    private int frameOf(Object event) {
        int frame = depth - 1;
        while (frame >= 0 && events[frame] != event) {
            frame--;
        }
        return frame;
    }

    /**
     * Adds line {@code number} of its stream, given as the bytes written, to the current thread's
     * innermost echo; returns false, adding nothing, if none is open.
     */
    static boolean add(boolean toStderr, long number, byte[] bytes, int length) {
        Echo echo = CURRENT.get();
        if (echo.depth == 0) {
            return false;
        }
        echo.lines.add(new WireRecord.Echo(toStderr, number, new String(bytes, 0, length, StandardCharsets.UTF_8)));
        if (toStderr ? echo.firstErr == NONE : echo.firstOut == NONE) {
            if (echo.firstOut == NONE && echo.firstErr == NONE) {
                HOLDING.add(echo);
            }
            if (toStderr) {
                echo.firstErr = number;
            } else {
                echo.firstOut = number;
            }
        }
        return true;
    }

    /**
     * Returns whether some thread's echo holds a line numbered below {@code stdoutLines} on stdout
     * or below {@code stderrLines} on stderr that the sink has not got yet. Lines are added as they
     * are numbered, by the writing thread holding its stream's lock, so a line numbered before a
     * count read under that lock is either with the sink already or found here.
     */
    static boolean holdsLinesBefore(long stdoutLines, long stderrLines) {
        for (Echo echo : HOLDING) {
            if (echo.firstOut < stdoutLines || echo.firstErr < stderrLines) {
                return true;
            }
        }
        return false;
    }
}

package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * proctest's own waits inside a child for an answer from the test JVM (a barrier, a mailbox, a
 * remote answer): on a virtual clock they count as waiting on the outside world, as a thread
 * blocked in a socket read does, so the clock jumps only once the child has been quiet for the
 * grace. Java sees such a thread parked and the kernel asleep, which alone would read as quiet,
 * and its sleeping peers would see their deadlines arrive before the test could answer.
 *
 * <p>A thread that waits for the channel to take the records or calls it reports ({@link #hold()})
 * holds the clock instead: that wait ends in real time, whatever the clock does.
 */
@API(status = INTERNAL, since = "0.4")
public final class OutsideWaits {

    /** The threads that wait for the test JVM, and what for. */
    private static final Map<Thread, String> WAITING = new ConcurrentHashMap<>();
    /** The threads that wait for the channel to take what they report, and how many such waits of each are under way. */
    private static final Map<Thread, Integer> HOLDING = new ConcurrentHashMap<>();

    private OutsideWaits() {}

    /** Marks the calling thread as waiting for the test JVM, for {@code what}, until the returned wait is closed. */
    public static Wait begin(String what) {
        if (!ChildTime.virtual()) {
            return () -> { };
        }
        Thread thread = Thread.currentThread();
        WAITING.put(thread, what);
        VirtualClock.changed(); // the grace starts from here
        return () -> {
            WAITING.remove(thread);
            VirtualClock.changed();
        };
    }

    /**
     * Marks the calling thread as waiting for proctest's own channel to make room, until the
     * returned wait is closed: a wait that ends without the clock moving, so the clock holds while
     * it lasts, as it does while a thread runs.
     */
    public static Wait hold() {
        return ChildTime.virtual() ? hold(Thread.currentThread()) : () -> { };
    }

    /**
     * Marks {@code thread} as waiting for proctest's channel until the returned wait is closed.
     * Such waits nest (a console write that waits for room for its record): the thread holds the
     * clock until the outermost one ends.
     */
    static Wait hold(Thread thread) {
        HOLDING.merge(thread, 1, Integer::sum);
        return () -> HOLDING.computeIfPresent(thread, (held, count) -> count == 1 ? null : count - 1);
    }

    /** Whether {@code thread} waits for proctest's channel, which holds the clock. */
    static boolean holds(Thread thread) {
        return !HOLDING.isEmpty() && HOLDING.containsKey(thread);
    }

    /** What {@code thread} waits for from the test JVM, or {@code null} if it does not. */
    static String of(Thread thread) {
        return WAITING.isEmpty() ? null : WAITING.get(thread);
    }

    /** A wait for the test JVM under way; {@link #close()} ends it. */
    @FunctionalInterface
    public interface Wait extends AutoCloseable {
        @Override
        void close();
    }
}

package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.ChildTime;
import dev.proctest.wire.WireRecord;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The child's default {@link Thread.UncaughtExceptionHandler}: it prints what the JVM prints for an
 * exception that no code caught ({@code Exception in thread "worker" ...} on stderr) and records
 * it, with the printed lines as its echo and the first of them as its message (a test that awaits
 * {@code "BindException"} finds it as it found the line), under the logger {@link WireRecord#UNCAUGHT}, or {@link
 * WireRecord#UNCAUGHT_MAIN} for the thread that runs {@code main}, or {@link WireRecord#UNCAUGHT_AT_EXIT} while the JVM
 * shuts down. A handler of the thread's own,
 * or a default handler the system under test sets later, takes its place: the test JVM then hears
 * of no uncaught exception, only of what that handler logs.
 */
@API(status = INTERNAL, since = "0.3")
public final class UncaughtCapture implements Thread.UncaughtExceptionHandler {

    private final RecordSink sink;
    private final Thread main;

    private UncaughtCapture(RecordSink sink, Thread main) {
        this.sink = sink;
        this.main = main;
    }

    /** Makes the handler the default, for every thread of the child; {@code main} is the thread that will run {@code main}. */
    public static void install(RecordSink sink, Thread main) {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtCapture(sink, main));
    }

    /**
     * Whether the JVM is shutting down: a worker that dies of its resources closing under it (a
     * ZeroMQ context terminated, a selector closed) is part of the child's end, not a fault of its
     * own; the end fails the test only if nobody expected it. The JVM refuses new hooks then.
     */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable thrown) {
        if (thrown.getClass().getName().equals("java.lang.ThreadDeath")) {
            return; // Thread.stop's: the JVM prints nothing for it either
        }
        Object event = new Object();
        Echo.open(event);
        try {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            thrown.printStackTrace(System.err);
            List<WireRecord.Echo> echoes = Echo.take(event);
            String logger = shuttingDown() ? WireRecord.UNCAUGHT_AT_EXIT : thread == main ? WireRecord.UNCAUGHT_MAIN : WireRecord.UNCAUGHT;
            sink.event(WireRecord.LEVEL_ERROR, logger, thread.getName(),
                    "Exception in thread \"" + thread.getName() + "\" " + thrown, thrown, echoes, ChildTime.epochNanos());
        } catch (RuntimeException | LinkageError e) { // as the JVM does: a failing handler is ignored
            // the printed lines, at least, are on stderr
        } finally {
            Echo.close(event);
        }
    }
}

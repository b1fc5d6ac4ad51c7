package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.channels.ClosedChannelException;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The options every proctest socket gets, on either side of the channel. */
@API(status = INTERNAL, since = "0.1")
public final class Sockets {

    /**
     * How long a connection may take to complete its ZMTP handshake. JeroMQ 0.6.0 sometimes stalls
     * a fresh connection's handshake for the whole interval (30 s by default); a short interval
     * makes it drop the stalled connection and reconnect instead.
     */
    public static final int HANDSHAKE_INTERVAL_MILLIS = 500;

    /**
     * How many messages of a child's channel may wait in each of its two ends: the child's DEALER
     * and, for that child, the hub's ROUTER. With batches of up to 16 KB, a child that logs faster
     * than the test JVM reads has at most about half a megabyte of records on the way, a few
     * milliseconds of reading, and is slowed down beyond it rather than getting ever further ahead.
     */
    public static final int CHANNEL_QUEUE = 8;

    /**
     * How soon a dropped or refused connection is tried again: a test socket that connects before
     * its child has bound waits at most this long after the bind. An attempt on loopback costs
     * microseconds.
     */
    public static final int RECONNECT_INTERVAL_MILLIS = 10;

    /**
     * The largest frame either end of a child's channel takes in, 64 MiB. JeroMQ reserves the
     * memory of a frame as soon as its header announces the size: without a bound, any process of
     * the machine could send the hub's port the 73 bytes of a greeting and a header announcing
     * 2 GB, and the hub's I/O thread would die of an {@link OutOfMemoryError}, leaving every child
     * of the run without its channel. A peer that announces more is disconnected instead; a
     * message of proctest's own that would exceed it is refused as it is sent, saying so.
     */
    public static final int CHANNEL_FRAME_LIMIT = 64 << 20;

    private Sockets() {}

    /** Applies {@link #configure} and the {@link #CHANNEL_FRAME_LIMIT} to an end of a child's channel; returns it. */
    public static ZMQ.Socket configureChannel(ZMQ.Socket socket) {
        configure(socket);
        socket.setMaxMsgSize(CHANNEL_FRAME_LIMIT);
        return socket;
    }

    /**
     * Makes a context's I/O threads report their failures as proctest's, a line each: except a
     * closed channel met while the context is being closed ({@code closing}), a known race of
     * JeroMQ's termination that loses nothing. Printed, such a trace lands in a child's log as if the
     * system under test had written it.
     */
    public static ZContext reportFailures(ZContext context, String owner, BooleanSupplier closing) {
        Thread.UncaughtExceptionHandler handler = (thread, failure) -> {
            if (closing.getAsBoolean() && causedByClosedChannel(failure)) {
                return;
            }
            System.err.println("proctest: " + owner + ": ZeroMQ's thread " + thread.getName() + " failed: " + failure);
        };
        context.setUncaughtExceptionHandler(handler);
        context.setNotificationExceptionHandler(handler);
        return context;
    }

    private static boolean causedByClosedChannel(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** Applies the handshake and reconnect intervals and no linger to {@code socket}; returns it. */
    public static ZMQ.Socket configure(ZMQ.Socket socket) {
        socket.setHandshakeIvl(HANDSHAKE_INTERVAL_MILLIS);
        socket.setReconnectIVL(RECONNECT_INTERVAL_MILLIS);
        socket.setLinger(0);
        return socket;
    }
}

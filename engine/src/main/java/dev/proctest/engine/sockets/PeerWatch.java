package dev.proctest.engine.sockets;

import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Counts a socket's connections as its I/O thread reports them, so that a socket that waited in
 * vain can say whether a peer was there at all: "no peer has connected" and "its peer is connected
 * but silent" call for different fixes.
 */
final class PeerWatch implements ZEvent.ZEventConsummer {

    private static final int EVENTS = ZMQ.EVENT_HANDSHAKE_PROTOCOL | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_CONNECT_RETRIED
            | ZMQ.HANDSHAKE_FAILED_NO_DETAIL | ZMQ.HANDSHAKE_FAILED_PROTOCOL;

    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();

    /** Watches {@code socket} from now on. */
    static PeerWatch on(ZMQ.Socket socket) {
        PeerWatch watch = new PeerWatch();
        socket.setEventHook(watch, EVENTS);
        return watch;
    }

    @Override
    public void consume(ZEvent event) {
        switch (event.getEvent()) {
            case HANDSHAKE_PROTOCOL -> handshakes.incrementAndGet();
            case DISCONNECTED -> disconnects.incrementAndGet();
            case CONNECT_RETRIED -> retries.incrementAndGet();
            case HANDSHAKE_FAILED_NO_DETAIL, HANDSHAKE_FAILED_PROTOCOL -> failedHandshakes.incrementAndGet();
            default -> {
                // not asked for
            }
        }
    }

    /** Says who is connected: {@code "1 peer connected"}, {@code "no peer has connected"}, ... */
    String describe() {
        int done = handshakes.get();
        int connected = Math.max(0, done - disconnects.get());
        String failed = failedHandshakes.get() == 0 ? "" : ", " + failedHandshakes.get() + " failed handshakes";
        if (done == 0) {
            return "no peer has connected" + (retries.get() > 0 ? ": connecting was retried " + retries.get() + " times, is anything"
                    + " listening?" : "") + failed;
        }
        return (connected == 0 ? "its " + (done == 1 ? "peer" : done + " peers") + " disconnected"
                : connected == 1 ? "1 peer connected" : connected + " peers connected") + failed;
    }
}

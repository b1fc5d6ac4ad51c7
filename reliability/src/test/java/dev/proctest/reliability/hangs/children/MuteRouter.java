package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A ZeroMQ {@code ROUTER} bound to the address given as its argument that completes every
 * handshake, takes every message and never replies: a peer that is there and mute.
 */
public final class MuteRouter {

    private MuteRouter() {}

    public static void main(String[] args) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(args[0]);
            ProcTest.ready();
            while (!Thread.currentThread().isInterrupted()) {
                router.recv(); // read and dropped: no answer, ever
            }
        }
    }
}

package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A JeroMQ REP server that, asked {@code bye}, closes down with a thread that throws and nothing catches it, then returns from main. */
public final class ThrowsWhenAskedToStop {

    private ThrowsWhenAskedToStop() {}

    public static void main(String[] args) throws InterruptedException {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(args[0]);
            while (!rep.recvStr().equals("bye")) {
                rep.send("no");
            }
        }
        Thread closer = new Thread(() -> {
            throw new IllegalStateException("closed twice");
        }, "closer");
        closer.start();
        closer.join();
        System.out.println("stopped");
    }
}

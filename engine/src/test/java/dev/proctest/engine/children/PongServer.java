package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A JeroMQ REP server that answers every request with "pong". */
public final class PongServer {

    private PongServer() {}

    public static void main(String[] args) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(args[0]);
            while (!Thread.currentThread().isInterrupted()) {
                rep.recvStr();
                rep.send("pong");
            }
        }
    }
}

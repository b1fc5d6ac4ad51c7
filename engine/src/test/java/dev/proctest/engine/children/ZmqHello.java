package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The least a JeroMQ program does: creates a context and a DEALER, connects, and ends. */
public final class ZmqHello {

    private ZmqHello() {}

    public static void main(String[] args) {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
            dealer.setLinger(0);
            dealer.connect("tcp://127.0.0.1:9");
            System.out.println("hello");
        }
    }
}

package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * JeroMQ's own ceiling, without proctest: a DEALER connects to the ROUTER at {@code endpoint} and
 * sends {@code count} messages of 100 bytes, one frame each, then an empty frame, then waits for
 * the reply that says all arrived.
 */
public final class ZmqFlood {

    private ZmqFlood() {}

    public static void main(String[] args) {
        String endpoint = args[0];
        int count = Integer.parseInt(args[1]);
        byte[] message = new byte[100];
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
            dealer.setLinger(0);
            dealer.setSndHWM(0);
            dealer.connect(endpoint);
            for (int i = 0; i < count; i++) {
                dealer.send(message, 0);
            }
            dealer.send(new byte[0], 0);
            dealer.recv(0);
        }
    }
}

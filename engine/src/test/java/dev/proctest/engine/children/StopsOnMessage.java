package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A JeroMQ REP server that logs each request and returns from main on {@code bye}, unless its
 * second argument is {@code stubborn}: then it answers {@code no} and goes on.
 */
public final class StopsOnMessage {

    private StopsOnMessage() {}

    public static void main(String[] args) {
        boolean stubborn = args.length > 1 && args[1].equals("stubborn");
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            rep.bind(args[0]);
            while (true) {
                String request = rep.recvStr();
                System.out.println("received " + request);
                if (request.equals("bye") && !stubborn) {
                    System.out.println("stopping as asked");
                    return;
                }
                rep.send("no");
            }
        }
    }
}

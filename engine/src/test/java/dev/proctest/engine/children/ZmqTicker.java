package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A JeroMQ PUB that publishes {@code tick <n>}, n counting from 1, every 10 ms. */
public final class ZmqTicker {

    private ZmqTicker() {}

    public static void main(String[] args) throws InterruptedException {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            pub.bind(args[0]);
            for (long tick = 1; !Thread.currentThread().isInterrupted(); tick++) {
                pub.send("tick " + tick);
                Thread.sleep(10); // the publisher's pace, what subscribers hear: no wait on a condition
            }
        }
    }
}

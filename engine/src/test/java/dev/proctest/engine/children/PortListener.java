package dev.proctest.engine.children;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;

/** Listens on the loopback port given as its argument, after a start-up delay like a real server's. */
public final class PortListener {

    private PortListener() {}

    public static void main(String[] args) throws Exception {
        System.out.println("loading configuration");
        // A server takes a moment before it listens; readiness must wait for the listener, not for the start.
        Thread.sleep(300);
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            System.out.println("listening");
            System.out.println("on port " + server.getLocalPort());
            new CountDownLatch(1).await();
        }
    }
}

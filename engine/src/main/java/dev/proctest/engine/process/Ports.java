package dev.proctest.engine.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback ports. The kernel picks a free one; a port stays handed out until its scope ends,
 * so two scopes of this JVM never get the same port, also when tests run in parallel.
 */
final class Ports {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 100;

    private Ports() {}

    static int allocate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Found no free loopback port that is not handed out already, in " + ATTEMPTS + " tries");
    }

    static void release(int port) {
        HANDED_OUT.remove(port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }
}

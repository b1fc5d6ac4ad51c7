package dev.proctest.engine.endpoints;

import dev.proctest.engine.support.Forks;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for endpoints. A port comes from below the range the system hands out to
 * outgoing connections (on Linux {@code ip_local_port_range}, elsewhere 49152 and up), so that no
 * connection the tests or anything else on the machine opens takes it between allocation and the
 * bind; it is free when handed out, and stays handed out until its scope ends, so two scopes of
 * this JVM never get the same port, also when tests run in parallel. Ports are picked at random,
 * which makes two JVMs on one machine unlikely to pick the same.
 */
final class Ports {

    static final int FIRST = 10_000;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    static final int END = firstEphemeralPort(); // exclusive

    private Ports() {}

    /** Returns a free port that no other scope holds, and holds it until {@link #release}. */
    static int allocate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, END);
            if (tryHold(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Found no free loopback port in " + FIRST + ".." + (END - 1) + " in " + ATTEMPTS
                + " tries: are that many in use, or held by endpoints of running tests?");
    }

    /** Holds {@code port} if it is in the range endpoints use, free, and held by no other scope. */
    static boolean tryHold(int port) {
        if (port < FIRST || port >= END || !HANDED_OUT.add(port)) {
            return false;
        }
        if (isFree(port)) {
            return true;
        }
        HANDED_OUT.remove(port);
        return false;
    }

    static void release(int port) {
        HANDED_OUT.remove(port);
    }

    /**
     * Whether something could bind {@code port} on loopback now: no listener, no lingering
     * connection. The probe socket is opened and closed while proctest starts no process: one
     * forked meanwhile would hold a copy of it until its exec, and the port's owner could not bind
     * it for that long. (Reading the kernel's tables instead costs 10–20 ms once a few thousand
     * sockets are open.)
     */
    private static boolean isFree(int port) {
        return Forks.withoutStarts(() -> bindsNow(port));
    }

    private static boolean bindsNow(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The start of the ephemeral range; endpoints stay below it. */
    private static int firstEphemeralPort() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        // Not Files.readString: a /proc file reports no size, and the JDK then reads only its first byte
        try (BufferedReader reader = Files.newBufferedReader(range)) {
            String line = reader.readLine();
            int first = line == null ? 0 : Integer.parseInt(line.strip().split("\\s+")[0]);
            if (first > FIRST + 1_000) {
                return first;
            }
        } catch (IOException | RuntimeException e) {
            // the IANA range below
        }
        return 49_152;
    }
}

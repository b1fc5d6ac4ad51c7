package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A node that is ready only once its peers are up, as the nodes of a cluster are: it creates the
 * file its first argument names, publishes its pid, then waits for the files of its peers (the
 * other arguments) to exist, logs {@code peers found} and says it is ready. With a first argument
 * {@code listen:<port>} it listens on that port first; with {@code fail} it exits with code 4.
 */
public final class ClusterNode {

    /** Held for the node's life: an unreachable socket is closed by its cleaner. */
    private static ServerSocket listening;

    private ClusterNode() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int first = 0;
        if (args[0].startsWith("listen:")) {
            listening = new ServerSocket(Integer.parseInt(args[0].substring(7)), 50, InetAddress.getLoopbackAddress());
            first = 1;
        }
        if (args[first].equals("fail")) {
            System.err.println("cannot read my configuration");
            System.exit(4);
        }
        Files.createFile(Path.of(args[first]));
        ProcTest.publish("pid", ProcessHandle.current().pid());
        for (int i = first + 1; i < args.length; i++) {
            Path peer = Path.of(args[i]);
            while (!Files.exists(peer)) {
                TimeUnit.MILLISECONDS.sleep(5); // a peer's start is not an event this node can wait on
            }
        }
        System.out.println("peers found");
        ProcTest.ready();
        new CountDownLatch(1).await(); // serves, listening if asked to, until stopped
    }
}

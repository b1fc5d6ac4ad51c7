package dev.proctest.benchmarks.zookeeper;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * The scenario as a team writes it without proctest: {@code ProcessBuilder} per node, output to a
 * file each, ports polled until they accept, {@code destroyForcibly} and {@code destroy} with
 * {@code waitFor}, and a {@code finally} that takes every node down.
 */
final class ByHand implements Scenario.Nodes {

    private final List<Path> configs;
    private final List<Integer> clientPorts;
    private final Path directory;
    private final Process[] nodes;

    private ByHand(Path directory, Ensemble ensemble) {
        this.directory = directory;
        this.configs = ensemble.write();
        this.clientPorts = ensemble.clientPorts();
        this.nodes = new Process[configs.size()];
    }

    /** Plays the scenario once in a new directory, and takes the nodes down whatever happens. */
    static void run() throws Exception {
        Path directory = Files.createTempDirectory("zk-by-hand");
        List<Ensemble.Ports> ports = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            ports.add(new Ensemble.Ports(freePort(), freePort(), freePort()));
        }
        Ensemble ensemble = new Ensemble(directory, ports);
        ByHand nodes = new ByHand(directory, ensemble);
        try {
            Scenario.play(ensemble, nodes);
        } finally {
            nodes.stopAll();
        }
    }

    @Override
    public void startAll() throws Exception {
        for (int n = 0; n < nodes.length; n++) {
            nodes[n] = start(n);
        }
        for (int port : clientPorts) {
            awaitListening(port);
        }
    }

    @Override
    public void kill(int index) throws Exception {
        nodes[index].destroyForcibly();
        nodes[index].waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void restart(int index) throws Exception {
        nodes[index] = start(index);
        awaitListening(clientPorts.get(index));
    }

    private void stopAll() throws InterruptedException {
        for (Process node : nodes) {
            if (node != null) {
                node.destroy();
            }
        }
        for (Process node : nodes) {
            if (node != null && !node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private Process start(int index) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File output = directory.resolve("zk" + (index + 1) + ".out").toFile();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), QuorumPeerMain.class.getName(),
                configs.get(index).toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output)).start();
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " not listening within 60 s");
                }
                Thread.sleep(20); // as a hand-written test polls a port: nothing to wait on but the next try
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

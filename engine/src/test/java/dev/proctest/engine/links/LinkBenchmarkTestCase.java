package dev.proctest.engine.links;

import static dev.proctest.engine.support.Percentiles.mean;
import static dev.proctest.engine.support.Percentiles.percentile;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Link;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ByteSink;
import dev.proctest.engine.children.LineEcho;
import dev.proctest.engine.children.PongServer;
import dev.proctest.wire.Sockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The measurements of {@link LinkBenchmark}. Each pair of sides takes turns round by round, so
 * that both see the same machine.
 */
public class LinkBenchmarkTestCase {

    private static final int ROUNDS = Integer.getInteger("rounds", 10);
    private static final int ROUND_TRIPS = 5_000;
    private static final int WARM_UP = 20_000;
    private static final long BULK = 256L << 20;
    private static final int CONNECTIONS = Integer.getInteger("connections", 5_000);

    @ProcessTest
    void zeroMqRoundTrips(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        Link link = processes.link(endpoint);
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket direct = req(context, endpoint);
            ZMQ.Socket linked = req(context, link.endpoint());
            roundTrips(direct, new long[WARM_UP], 0, WARM_UP);
            roundTrips(linked, new long[WARM_UP], 0, WARM_UP);
            long[] directNanos = new long[ROUNDS * ROUND_TRIPS];
            long[] linkedNanos = new long[ROUNDS * ROUND_TRIPS];
            for (int round = 0; round < ROUNDS; round++) {
                boolean directFirst = round % 2 == 0;
                roundTrips(directFirst ? direct : linked, directFirst ? directNanos : linkedNanos, round * ROUND_TRIPS, ROUND_TRIPS);
                roundTrips(directFirst ? linked : direct, directFirst ? linkedNanos : directNanos, round * ROUND_TRIPS, ROUND_TRIPS);
            }
            System.out.printf("%n%d JeroMQ REQ/REP round trips each of 100 bytes, %d alternating rounds after %d warm-up; %d cores, %s %s%n",
                    directNanos.length, ROUNDS, WARM_UP, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"));
            System.out.printf("%-28s %9s %9s %9s %9s%n", "round trip, us", "p50", "p90", "p99", "mean");
            row("direct", directNanos);
            row("through a healthy link", linkedNanos);
            System.out.printf("%-28s %9.1f %9.1f %9.1f %9.1f%n", "added by the link", (percentile(linkedNanos, 50) - percentile(directNanos, 50)) / 1e3,
                    (percentile(linkedNanos, 90) - percentile(directNanos, 90)) / 1e3, (percentile(linkedNanos, 99) - percentile(directNanos, 99)) / 1e3,
                    (mean(linkedNanos) - mean(directNanos)) / 1e3);
        }
    }

    @ProcessTest
    void tcpBulkTransfer(Processes processes) throws IOException {
        Endpoint endpoint = processes.endpoint("sink");
        processes.spawn(JavaChild.main(ByteSink.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.listening(endpoint)));
        Link link = processes.link(endpoint);
        transfer(endpoint, BULK / 4);
        transfer(link.endpoint(), BULK / 4);
        double[] direct = new double[ROUNDS];
        double[] linked = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                direct[round] = transfer(endpoint, BULK);
                linked[round] = transfer(link.endpoint(), BULK);
            } else {
                linked[round] = transfer(link.endpoint(), BULK);
                direct[round] = transfer(endpoint, BULK);
            }
        }
        Arrays.sort(direct);
        Arrays.sort(linked);
        System.out.printf("%nTCP bulk transfer of %d MiB to a child, %d alternating rounds; MB/s (10^6 bytes)%n", BULK >> 20, ROUNDS);
        System.out.printf("%-28s %9s %9s %9s%n", "", "min", "median", "max");
        System.out.printf("%-28s %9.0f %9.0f %9.0f%n", "direct", direct[0], direct[ROUNDS / 2], direct[ROUNDS - 1]);
        System.out.printf("%-28s %9.0f %9.0f %9.0f%n", "through a healthy link", linked[0], linked[ROUNDS / 2], linked[ROUNDS - 1]);
    }

    @ProcessTest
    void manyConnectionsThroughOneLink(Processes processes) throws IOException {
        Endpoint endpoint = processes.endpoint("echo");
        processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.listening(endpoint)));
        Link link = processes.link(endpoint);
        long before = openDescriptors();
        long start = System.nanoTime();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.endpoint().port()), 5_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("hello " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            long opened = openDescriptors();
            for (int i = 0; i < CONNECTIONS; i++) {
                String expected = "hello " + i + "\n";
                byte[] answer = sockets.get(i).getInputStream().readNBytes(expected.length());
                if (!expected.equals(new String(answer, StandardCharsets.US_ASCII))) {
                    throw new AssertionError("connection " + i + " got " + new String(answer, StandardCharsets.US_ASCII));
                }
            }
            System.out.printf("%n%d connections through one link, each a line there and back: %.2f s; the test JVM's descriptors"
                    + " %d before, %d with all open (%d for the clients, the rest the link's)%n", CONNECTIONS,
                    (System.nanoTime() - start) / 1e9, before, opened, CONNECTIONS);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static ZMQ.Socket req(ZContext context, Endpoint endpoint) {
        ZMQ.Socket socket = Sockets.configure(context.createSocket(SocketType.REQ));
        socket.setReceiveTimeOut(5_000);
        socket.connect(endpoint.address());
        return socket;
    }

    private static void roundTrips(ZMQ.Socket socket, long[] nanos, int from, int count) {
        byte[] request = new byte[100];
        for (int i = from; i < from + count; i++) {
            long start = System.nanoTime();
            socket.send(request);
            String reply = socket.recvStr();
            nanos[i] = System.nanoTime() - start;
            if (!"pong".equals(reply)) {
                throw new AssertionError("expected pong, got " + reply);
            }
        }
    }

    /** Sends {@code bytes} to the sink and waits for its count; returns MB/s. */
    private static double transfer(Endpoint endpoint, long bytes) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        long start = System.nanoTime();
        try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()))) {
            for (long sent = 0; sent < bytes; sent += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            channel.shutdownOutput();
            ByteBuffer count = ByteBuffer.allocate(8);
            while (count.hasRemaining() && channel.read(count) >= 0) {
                // until the sink's answer is whole
            }
            if (count.getLong(0) != bytes) {
                throw new AssertionError("the sink read " + count.getLong(0) + " bytes of " + bytes);
            }
        }
        return bytes / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    private static long openDescriptors() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(String name, long[] nanos) {
        System.out.printf("%-28s %9.1f %9.1f %9.1f %9.1f%n", name, percentile(nanos, 50) / 1e3, percentile(nanos, 90) / 1e3,
                percentile(nanos, 99) / 1e3, mean(nanos) / 1e3);
    }
}

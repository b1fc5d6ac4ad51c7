package dev.proctest.engine.sockets;

import static dev.proctest.engine.support.Percentiles.mean;
import static dev.proctest.engine.support.Percentiles.percentile;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.engine.children.PongServer;
import dev.proctest.wire.Sockets;
import java.util.function.UnaryOperator;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The measurements of {@link SocketBenchmark}: one REP child, a {@code TestSocket} REQ and a raw
 * JeroMQ REQ connected to it, taking turns in rounds so that both see the same machine.
 */
public class SocketBenchmarkTestCase {

    private static final int WARM_UP = 20_000;
    private static final int ROUNDS = Integer.getInteger("rounds", 20);
    private static final int PER_ROUND = 5_000;
    private static final String REQUEST = "x".repeat(100);

    @ProcessTest
    void measure(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        TestSocket socket = processes.socket(SocketType.REQ).connect(endpoint);
        UnaryOperator<String> wrapped = request -> {
            socket.send(request);
            return socket.receive();
        };
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket rawSocket = Sockets.configure(context.createSocket(SocketType.REQ));
            rawSocket.setReceiveTimeOut(1_000);
            rawSocket.connect(endpoint.address());
            UnaryOperator<String> raw = request -> {
                rawSocket.send(request);
                return rawSocket.recvStr();
            };
            long[] wrappedNanos = new long[ROUNDS * PER_ROUND];
            long[] rawNanos = new long[ROUNDS * PER_ROUND];
            roundTrips(wrapped, new long[WARM_UP], 0, WARM_UP);
            roundTrips(raw, new long[WARM_UP], 0, WARM_UP);
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) {
                    roundTrips(wrapped, wrappedNanos, round * PER_ROUND, PER_ROUND);
                    roundTrips(raw, rawNanos, round * PER_ROUND, PER_ROUND);
                } else {
                    roundTrips(raw, rawNanos, round * PER_ROUND, PER_ROUND);
                    roundTrips(wrapped, wrappedNanos, round * PER_ROUND, PER_ROUND);
                }
            }
            report(rawNanos, wrappedNanos);
        }
    }

    /** Times {@code count} exchanges of {@code REQUEST} for its reply into {@code nanos}, from index {@code from}. */
    private static void roundTrips(UnaryOperator<String> exchange, long[] nanos, int from, int count) {
        for (int i = from; i < from + count; i++) {
            long start = System.nanoTime();
            String reply = exchange.apply(REQUEST);
            nanos[i] = System.nanoTime() - start;
            check(reply);
        }
    }

    private static void check(String reply) {
        if (!"pong".equals(reply)) {
            throw new AssertionError("expected pong, got " + reply);
        }
    }

    private static void report(long[] raw, long[] wrapped) {
        System.out.printf("%d round trips each, %d-byte requests, in %d alternating rounds after %d warm-up; %d cores, %s %s%n",
                raw.length, REQUEST.length(), ROUNDS, WARM_UP, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf("%-36s %9s %9s %9s %9s%n", "REQ to a REP child, us", "p50", "p90", "p99", "mean");
        row("raw JeroMQ socket", raw);
        row("TestSocket (timeouts, transcript)", wrapped);
        System.out.printf("%-36s %9.3f %9.3f %9.3f %9.3f%n", "TestSocket / raw", ratio(wrapped, raw, 50), ratio(wrapped, raw, 90),
                ratio(wrapped, raw, 99), mean(wrapped) / mean(raw));
    }

    private static void row(String name, long[] nanos) {
        System.out.printf("%-36s %9.1f %9.1f %9.1f %9.1f%n", name, percentile(nanos, 50) / 1e3, percentile(nanos, 90) / 1e3,
                percentile(nanos, 99) / 1e3, mean(nanos) / 1e3);
    }

    private static double ratio(long[] a, long[] b, int percent) {
        return (double) percentile(a, percent) / percentile(b, percent);
    }
}

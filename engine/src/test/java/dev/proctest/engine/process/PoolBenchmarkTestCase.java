package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.engine.children.Sensor;
import dev.proctest.engine.children.Server;
import dev.proctest.engine.children.StopsOnMessage;
import dev.proctest.engine.launch.ClassPath;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The measurements of {@link SpawnBenchmark} with the pool on: spawns served by a JVM of the pool
 * (each after a second of idle, so that the pool has refilled), and twenty ping-pong children in
 * a row beside the same loop written by hand, where the pool's refills fall inside the timed window.
 */
public class PoolBenchmarkTestCase {

    private static final int WARM_UP = 3;
    private static final int ROUNDS = Integer.getInteger("rounds", 20);
    private static final int PING_PONG_CHILDREN = 20;
    private static final int PING_PONG_ROUNDS = Integer.getInteger("pingPongRounds", 3);
    private static final Duration IDLE = Duration.ofSeconds(1);

    @ProcessTest
    void measure(Processes processes) throws Exception {
        Map<String, Supplier<Long>> kinds = new LinkedHashMap<>();
        kinds.put("pooled spawn(...Ready.onStart()), to ready", () -> SpawnBenchmarkTestCase.spawnToReady(processes, JavaChild.main(Server.class)));
        kinds.put("pooled spawn(...Ready.whenSignalled()), to ready",
                () -> SpawnBenchmarkTestCase.spawnToReady(processes, JavaChild.main(Server.class).readyWhen(Ready.whenSignalled())));
        kinds.put("pooled spawn(... .mock(Sensor.class)), to ready",
                () -> SpawnBenchmarkTestCase.spawnToReady(processes, JavaChild.main(Server.class).mock(Sensor.class)));
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> samples.put(kind, new ArrayList<>()));
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Long>> kind : kinds.entrySet()) {
                Thread.sleep(IDLE.toMillis()); // idle, not measured: the pool refills meanwhile
                long nanos = kind.getValue().get();
                if (round >= WARM_UP) {
                    samples.get(kind.getKey()).add(nanos);
                }
            }
        }
        if (ROUNDS > 0) {
            SpawnBenchmarkTestCase.report(samples, ROUNDS, WARM_UP, "x row 1");
        }

        pingPong(processes, 0); // warm-up of both loops; the pool learns the launch
        handWrittenPingPong(0);
        List<Long> proctest = new ArrayList<>();
        List<Long> byHand = new ArrayList<>();
        for (int round = 1; round <= PING_PONG_ROUNDS; round++) {
            byHand.add(handWrittenPingPong(round));
            proctest.add(pingPong(processes, round));
        }
        System.out.printf("%d ping-pong children in a row (spawn, REQ/REP, stop message, exit), %d rounds, seconds:%n",
                PING_PONG_CHILDREN, PING_PONG_ROUNDS);
        System.out.printf("  by hand (ProcessBuilder, JeroMQ REQ, waitFor): %s%n", seconds(byHand));
        System.out.printf("  proctest (spawn, TestSocket, awaitExit):      %s%n", seconds(proctest));
        for (int round = 0; round < PING_PONG_ROUNDS; round++) {
            System.out.printf("  round %d: proctest / by hand = %.2f%n", round + 1, (double) proctest.get(round) / byHand.get(round));
        }
    }

    /** Twenty children in a row, each answering one request and ending on the stop message. */
    private static long pingPong(Processes processes, int round) {
        long start = System.nanoTime();
        for (int n = 0; n < PING_PONG_CHILDREN; n++) {
            Endpoint endpoint = processes.endpoint("pong-" + round + "-" + n);
            ChildProcess child = processes.spawn(JavaChild.main(StopsOnMessage.class).args(endpoint.address()));
            try (TestSocket req = processes.socket(SocketType.REQ).connect(endpoint.address())) {
                req.send("ping");
                req.receive();
                req.send("bye");
                child.awaitExit(Duration.ofSeconds(30));
            }
        }
        return System.nanoTime() - start;
    }

    /** The same loop as a team writes it without proctest. */
    private static long handWrittenPingPong(int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(File.pathSeparator, ClassPath.of(PoolBenchmarkTestCase.class.getClassLoader()));
        long start = System.nanoTime();
        try (ZContext context = new ZContext()) {
            for (int n = 0; n < PING_PONG_CHILDREN; n++) {
                String address = Endpoint.tcp(freePort()).address();
                Process child = new ProcessBuilder(java, "-cp", classPath, StopsOnMessage.class.getName(), address)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                ZMQ.Socket req = context.createSocket(SocketType.REQ);
                req.setReceiveTimeOut(30_000);
                req.setLinger(0);
                req.connect(address);
                req.send("ping");
                if (req.recvStr() == null) {
                    throw new IllegalStateException("no answer from " + address + " in round " + round);
                }
                req.send("bye");
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("child at " + address + " did not end");
                }
                req.close();
            }
        }
        return System.nanoTime() - start;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String seconds(List<Long> nanos) {
        return nanos.stream().map(n -> String.format("%.2f", n / 1e9)).toList().toString();
    }
}

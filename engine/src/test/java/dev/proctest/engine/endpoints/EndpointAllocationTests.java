package dev.proctest.engine.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import dev.proctest.engine.support.BackgroundSpawns;
import dev.proctest.engine.support.Forks;
import dev.proctest.wire.Sockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Endpoints of concurrently running tests never collide, and each is free when its test binds it. */
class EndpointAllocationTests {

    private static final int TESTS = 500;
    private static final int THREADS = 50;

    @Test
    void fiveHundredTestsInParallelBindTheirEndpointsWithoutAddressInUse() throws Exception {
        Map<Integer, Integer> heldBy = new ConcurrentHashMap<>();
        try (ZContext context = new ZContext(1); ServerSocket outgoingTarget = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress())) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> tests = new ArrayList<>();
            for (int i = 0; i < TESTS; i++) {
                int test = i;
                tests.add(pool.submit(() -> {
                    runOneTest(test, test % 2 == 0 ? Transport.TCP : Transport.IPC, context, heldBy, outgoingTarget.getLocalPort());
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> test : tests) {
                test.get(60, TimeUnit.SECONDS); // rethrows "address already in use" or a collision
            }
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heldBy).isEmpty();
    }

    /**
     * The check that a port is free leaves nothing that a child being started could hold: a probe
     * socket copied into a forked process would keep the port bound until its exec.
     */
    @Test
    void anEndpointBindsAtOnceWhileChildrenStartAllAround() throws Exception {
        List<String> inUse = new ArrayList<>();
        BackgroundSpawns spawns = new BackgroundSpawns(2, Forks::start);
        try (spawns; ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP)) {
            for (int i = 0; i < 300; i++) {
                Endpoint endpoint = endpoints.endpoint("server" + i);
                try (ServerSocket server = new ServerSocket()) {
                    server.setReuseAddress(false);
                    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.port()));
                } catch (IOException e) {
                    inUse.add(endpoint + ": " + e.getMessage());
                }
            }
        }
        assertThat(spawns.stop()).as("processes started meanwhile").isPositive();
        assertThat(inUse).as("endpoints that could not be bound when handed out").isEmpty();
    }

    /** Like a test: takes two endpoints, binds and talks over them while opening outgoing connections, and ends its scope. */
    private static void runOneTest(int test, Transport transport, ZContext context, Map<Integer, Integer> heldBy, int outgoingPort)
            throws IOException {
        List<Socket> outgoing = new ArrayList<>();
        List<ZMQ.Socket> sockets = new ArrayList<>();
        try (ScopeEndpoints endpoints = new ScopeEndpoints(transport)) {
            for (String name : List.of("server", "events")) {
                Endpoint endpoint = endpoints.endpoint(name);
                assertThat(endpoint.transport()).isEqualTo(transport);
                Integer other = heldBy.putIfAbsent(endpoint.port(), test);
                assertThat(other).as("test holding port %d of %s", endpoint.port(), endpoint).isNull();
                ZMQ.Socket rep = Sockets.configure(context.createSocket(SocketType.REP));
                sockets.add(rep);
                rep.bind(endpoint.address()); // throws ZMQException(EADDRINUSE) if another took it
                ZMQ.Socket req = Sockets.configure(context.createSocket(SocketType.REQ));
                sockets.add(req);
                req.setReceiveTimeOut(10_000);
                rep.setReceiveTimeOut(10_000);
                req.connect(endpoint.address());
                outgoing.add(new Socket(InetAddress.getLoopbackAddress(), outgoingPort)); // takes an ephemeral port
                req.send("ping " + test);
                assertThat(rep.recvStr()).isEqualTo("ping " + test);
                rep.send("pong");
                assertThat(req.recvStr()).isEqualTo("pong");
            }
            for (String name : List.of("server", "events")) {
                heldBy.remove(endpoints.endpoint(name).port());
            }
        } finally {
            sockets.forEach(ZMQ.Socket::close);
            for (Socket socket : outgoing) {
                socket.close();
            }
        }
    }

    @Test
    void ipcEndpointsLiveInAPrivateDirectoryThatIsRemovedWithTheScope() {
        Path directory;
        try (ScopeEndpoints endpoints = new ScopeEndpoints(Transport.IPC)) {
            Endpoint endpoint = endpoints.endpoint("a/b c");
            Path path = Path.of(endpoint.address().substring("ipc://".length()));
            directory = path.getParent();
            assertThat(path.getFileName().toString()).startsWith("a_b_c");
            assertThat(directory).isDirectory();
            assertThat(Endpoint.ipc(path)).isEqualTo(endpoint);
            assertThat(endpoint.port()).isBetween(Ports.FIRST, 65_535);
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void heldPortsAreNotHandedOutAgainUntilReleased() throws IOException {
        ScopeEndpoints first = new ScopeEndpoints(Transport.TCP);
        int port = first.endpoint("x").port();
        assertThat(Ports.tryHold(port)).isFalse();
        first.close();
        assertThat(Ports.tryHold(port)).isTrue();
        Ports.release(port);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(Ports.tryHold(port)).as("a port something listens on").isFalse();
        }
    }

    @Test
    void portsStayBelowTheSystemsEphemeralRange() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int firstEphemeral = Files.exists(range) ? Integer.parseInt(Files.readAllLines(range).get(0).strip().split("\\s+")[0]) : 49_152;

        assertThat(Ports.END).isLessThanOrEqualTo(firstEphemeral);
        try (ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP); ScopeEndpoints ipc = new ScopeEndpoints(Transport.IPC)) {
            for (int i = 0; i < 200; i++) {
                assertThat(endpoints.endpoint("tcp" + i).port()).isBetween(Ports.FIRST, firstEphemeral - 1);
                assertThat(ipc.endpoint("ipc" + i).port()).isBetween(Ports.FIRST, firstEphemeral - 1);
            }
        }
    }

    @Test
    void blankNamesAreRefused() {
        try (ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP)) {
            assertThatThrownBy(() -> endpoints.endpoint(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("An endpoint needs a name that is not blank, was [ ]");
        }
    }
}

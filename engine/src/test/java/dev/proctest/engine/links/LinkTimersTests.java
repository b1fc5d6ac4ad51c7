package dev.proctest.engine.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.engine.endpoints.ScopeEndpoints;
import dev.proctest.engine.sockets.Transcript;
import dev.proctest.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A delayed link's wake-ups stay bounded however busy both directions are. */
class LinkTimersTests {

    private static final int LINES = 2_000;

    @Test
    void aLinkDelayedBothWaysKeepsOneWakeUpPerConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP)) {
            // threads of their own: the common pool may have one thread on 2 cores, and the echo holds it to the end
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> echoOnce(server), threads);
            LinkProxy link = new LinkProxy("link 1", endpoints.unnamed(Transport.TCP, "link"), Endpoint.tcp(server.getLocalPort()),
                    new Transcript(100));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), link.endpoint().port())) {
                link.delay(Duration.ofMillis(30), Duration.ofMillis(5));
                client.setSoTimeout(10_000);
                CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> readAll(client, LINES * 6L), threads);
                OutputStream out = client.getOutputStream();
                int most = 0;
                for (int i = 0; i < LINES; i++) {
                    out.write(String.format("%05d", i % 100_000).concat("\n").getBytes()); // one small write each: many chunks
                    if (i % 100 == 0) {
                        most = Math.max(most, link.pendingTimers());
                    }
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!read.isDone() && System.nanoTime() - deadline < 0) { // and while the echoes come back
                    most = Math.max(most, link.pendingTimers());
                }
                assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(LINES * 6L);
                assertThat(most).as("wake-ups pending while both directions wait").isLessThanOrEqualTo(4);
            } finally {
                link.close();
            }
            echo.get(10, TimeUnit.SECONDS);
            threads.shutdown();
        }
    }

    private static void echoOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long readAll(Socket client, long expected) {
        try {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            while (total < expected) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                total += read;
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

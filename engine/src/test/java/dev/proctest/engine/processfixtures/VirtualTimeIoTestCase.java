package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A server that answers requests on a virtual clock, while a ticker sleeps a second at a time: a
 * thread blocked in a socket read keeps the clock still for the grace ({@code 500ms} here), so a
 * request is answered in no time of the child's, and the clock still moves, at most a second of
 * child time per grace, while the server waits for requests.
 */
public class VirtualTimeIoTestCase {

    private static final long SECOND = 1_000_000_000L;

    static volatile long ticks;
    private static final Object TICKS = new Object();

    @ProcessTest
    void aRequestIsAnsweredWhileTheClockStandsStillAndTheClockMovesWhileTheServerWaits(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
        int port = child.run(() -> {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread ticker = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        synchronized (TICKS) {
                            ticks++;
                            TICKS.notifyAll();
                        }
                    }
                } catch (InterruptedException e) {
                    // ends the ticker
                }
            });
            Thread answers = new Thread(() -> serve(server));
            ticker.setDaemon(true);
            answers.setDaemon(true);
            ticker.start();
            answers.start();
            return server.getLocalPort();
        });

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            out.println("first half");
            assertThat(in.readLine()).isEqualTo("go on");
            out.println("second half"); // meanwhile the server waits in a read, and the ticker's deadline is due
            assertThat(in.readLine()).as("child nanoseconds between the two halves of the request").isEqualTo("0");
        }

        long before = System.nanoTime();
        long[] counted = child.run(() -> {
            long from = ticks;
            synchronized (TICKS) {
                while (ticks < from + 3) {
                    TICKS.wait(); // untimed: quiet, as a thread that waits for the outside world is
                }
            }
            return new long[] {from, ticks};
        });
        assertThat(counted[1]).as("the ticker ticks while the server waits for a connection").isEqualTo(counted[0] + 3);
        assertThat(System.nanoTime() - before).as("real time for 3 ticks: at least 2 graces of 500 ms").isGreaterThanOrEqualTo(
                Duration.ofMillis(950).toNanos());
    }

    /** Answers requests in two halves: the second read waits while the clock would be due to jump. */
    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket connection = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(connection.getOutputStream(), true, StandardCharsets.UTF_8);
                in.readLine();
                long start = System.nanoTime();
                out.println("go on");
                in.readLine();
                out.println(System.nanoTime() - start);
            } catch (IOException e) {
                return;
            }
        }
    }
}

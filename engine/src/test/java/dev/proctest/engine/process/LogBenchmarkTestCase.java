package dev.proctest.engine.process;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Flood;
import dev.proctest.engine.children.ZmqFlood;
import dev.proctest.engine.launch.ClassPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The measurements of {@link LogBenchmark}: a child floods records; the test times their arrival,
 * beside JeroMQ's own ceiling between two JVMs on the same machine in the same run.
 */
public class LogBenchmarkTestCase {

    private static final int RECORDS = Integer.getInteger("records", 1_000_000);

    /** How the child ends: "wait" to be killed, or "return" from main, which lets a profiler in it write its recording. */
    private static final String ROUTE = System.getProperty("route", "wait");

    @ProcessTest
    void measure(Processes processes) {
        System.out.printf("%,d records a run; %d cores, %s %s%n", RECORDS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("stdout", "System.out.println, matched against the pipe");
        paths.put("jul", "java.util.logging events, no console handler");
        paths.keySet().retainAll(List.of(System.getProperty("paths", "stdout,jul").split(",")));
        for (int run = 1; run <= 3; run++) {
            double seconds = jeromqCeiling();
            System.out.printf("%-50s run %d: %,10.0f messages/s arrived (%,.2f s)%n", "JeroMQ alone, DEALER to ROUTER, 100 B",
                    run, RECORDS / seconds, seconds);
        }
        for (Map.Entry<String, String> path : paths.entrySet()) {
            for (int run = 1; run <= 3; run++) {
                ChildProcess child = processes.spawn(JavaChild.main(Flood.class).name(path.getKey() + "-" + run)
                        .args(String.valueOf(RECORDS), path.getKey(), ROUTE).readyWhen(Ready.onStart()).mayExit());
                LogRecord first = child.logs().within(Duration.ofMinutes(2)).await("^flooding$");
                long firstArrival = System.nanoTime();
                LogRecord last = child.logs().within(Duration.ofMinutes(2)).await("^record " + RECORDS + "$");
                double seconds = (System.nanoTime() - firstArrival) / 1e9;
                double logging = Duration.between(first.time(), last.time()).toNanos() / 1e9;
                System.out.printf("%-50s run %d: %,10.0f records/s arrived (%,.2f s); the child logged them in %,.2f s%n",
                        path.getValue(), run, RECORDS / seconds, seconds, logging);
                if (ROUTE.equals("wait")) {
                    child.kill();
                } else {
                    child.awaitExit(Duration.ofMinutes(1));
                }
            }
        }
    }

    /** Seconds from the first of a bare JeroMQ child's messages to its last reaching a ROUTER here. */
    private static double jeromqCeiling() {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.setLinger(0);
            router.setRcvHWM(0);
            router.setReceiveTimeOut((int) Duration.ofMinutes(1).toMillis());
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    String.join(File.pathSeparator, ClassPath.of(LogBenchmarkTestCase.class.getClassLoader())),
                    ZmqFlood.class.getName(), "tcp://127.0.0.1:" + port, String.valueOf(RECORDS)).inheritIO().start();
            try {
                byte[] identity = frame(router);
                frame(router);
                long first = System.nanoTime();
                for (int i = 1; i < RECORDS; i++) {
                    frame(router);
                    frame(router);
                }
                frame(router);
                if (frame(router).length != 0) {
                    throw new IllegalStateException("the JeroMQ child sent more messages than it was asked to");
                }
                long last = System.nanoTime();
                router.sendMore(identity);
                router.send(new byte[0], 0);
                child.waitFor(1, TimeUnit.MINUTES);
                return (last - first) / 1e9;
            } finally {
                child.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] frame(ZMQ.Socket router) {
        byte[] frame = router.recv(0);
        if (frame == null) {
            throw new IllegalStateException("the JeroMQ child sent nothing for a minute");
        }
        return frame;
    }
}

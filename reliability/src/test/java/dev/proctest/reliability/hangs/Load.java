package dev.proctest.reliability.hangs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The load the hangs suite measures under: a thread of the test JVM that keeps a core busy, and a
 * busy process beside it, so that on a 2-core machine every wait competes for the CPU.
 */
final class Load implements AutoCloseable {

    private final Thread spinner;
    private final Process busy;
    private volatile boolean running = true;

    private Load() throws IOException {
        spinner = new Thread(this::spin, "hangs-load");
        spinner.setDaemon(true);
        spinner.start();
        busy = new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true).start();
    }

    /** Starts the load; close it to end it. */
    static Load start() throws IOException {
        return new Load();
    }

    /** The machine's load averages, as {@code uptime} shows them. */
    static String averages() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one-minute load average of {@link #averages()}. */
    static double oneMinute(String averages) {
        return Double.parseDouble(averages.split(" ")[0]);
    }

    private void spin() {
        long spins = 0;
        while (running) {
            spins++;
        }
        if (spins < 0) {
            throw new AssertionError("never");
        }
    }

    @Override
    public void close() {
        running = false;
        busy.destroyForcibly();
        try {
            busy.waitFor(5, TimeUnit.SECONDS);
            spinner.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

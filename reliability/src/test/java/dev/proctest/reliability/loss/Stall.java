package dev.proctest.reliability.loss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops the test JVM dead for a while, as a long pause of the collector or of a busy machine would. */
final class Stall {

    private Stall() {}

    /** Has a shell send this JVM SIGSTOP and, {@code duration} later, SIGCONT; returns once the JVM runs again. */
    static void thisJvm(Duration duration) {
        long pid = ProcessHandle.current().pid();
        String seconds = String.format(java.util.Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
        try {
            Process shell = new ProcessBuilder("sh", "-c", "kill -STOP " + pid + "; sleep " + seconds + "; kill -CONT " + pid)
                    .inheritIO().start();
            if (!shell.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
                throw new AssertionError("The shell that stalls the test JVM did not end");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stall the test JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while the test JVM stalled", e);
        }
    }
}

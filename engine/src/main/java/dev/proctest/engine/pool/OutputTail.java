package dev.proctest.engine.pool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** What an ended JVM of the pool wrote, which nobody read while it waited: the end of it, for a warning. */
final class OutputTail {

    private static final int SHOWN = 2_000;

    private OutputTail() {}

    /** Returns the end of what {@code process}, which has ended, wrote to stdout and stderr; never blocks. */
    static String of(Process process) {
        String written = (available(process.getInputStream()) + available(process.getErrorStream())).strip();
        if (written.isEmpty()) {
            return "nothing";
        }
        return written.length() <= SHOWN ? "\n" + written : "\n..." + written.substring(written.length() - SHOWN);
    }

    private static String available(InputStream stream) {
        try (stream) {
            return new String(stream.readNBytes(stream.available()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

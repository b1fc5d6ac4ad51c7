package dev.proctest.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Names this JVM's process after its child, where Linux lets a process rename itself: {@code ps
 * -e}, {@code top} and {@code pgrep zk1} then show {@code zk1} instead of {@code java}. A JVM of the
 * pool learns its child's name too late for its command line; this is where it shows.
 */
final class ProcessName {

    /** Linux keeps 15 bytes of a process's name. */
    private static final int KEPT = 15;

    private static final Path COMM = Path.of("/proc/self/comm");

    private ProcessName() {}

    static void set(String childName) {
        if (!Files.isWritable(COMM)) {
            return;
        }
        try {
            Files.write(COMM, truncated(childName));
        } catch (IOException | SecurityException e) {
            // the name is a convenience: the log names the child's pid
        }
    }

    /** The first 15 bytes of the name in UTF-8, never cutting a character in two. */
    static byte[] truncated(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= KEPT) {
            return bytes;
        }
        int end = KEPT;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // a continuation byte: the character starts earlier
        }
        return Arrays.copyOf(bytes, end);
    }
}

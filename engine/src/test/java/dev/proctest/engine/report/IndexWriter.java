package dev.proctest.engine.report;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Adds runs to a report's index from a JVM of its own, as a second Surefire fork does: {@code
 * <root> <prefix> <count>}; or, with {@code <root> hold}, holds the index's lock, says {@code
 * locked}, and lets go when its input ends, as a JVM stopped while writing the index would not.
 */
public final class IndexWriter {

    private IndexWriter() {}

    public static void main(String[] args) throws Exception {
        if (args[1].equals("hold")) {
            try (FileChannel channel = FileChannel.open(Path.of(args[0], ".index.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock();
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // holds the lock until the test closes this JVM's input
                }
            }
            return;
        }
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            RunIndex.add(Path.of(args[0]), args[1] + "-" + i, Map.of("id", args[1] + "-" + i));
        }
    }
}

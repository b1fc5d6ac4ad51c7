package dev.proctest.engine.report;

import java.nio.file.Path;
import java.util.Map;

/** Adds runs to a report's index from a JVM of its own, as a second Surefire fork does: {@code <root> <prefix> <count>}. */
public final class IndexWriter {

    private IndexWriter() {}

    public static void main(String[] args) {
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            RunIndex.add(Path.of(args[0]), args[1] + "-" + i, Map.of("id", args[1] + "-" + i));
        }
    }
}

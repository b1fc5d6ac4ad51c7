package dev.proctest.samples.pingpong;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a block printed to {@code System.out}: the article's classes say what they do there, and
 * their unit tests check it rather than print it into the build's output.
 */
final class Printed {

    private Printed() {}

    /** Runs {@code block} with {@code System.out} captured; returns the lines it printed. */
    static List<String> by(Runnable block) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            block.run();
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

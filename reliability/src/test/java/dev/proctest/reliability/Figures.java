package dev.proctest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where the suite's figures go: one line per figure, printed and appended to {@code
 * target/reliability/<item>.txt}, with whether the count was short or long, so that
 * docs/reliability.md cites what a run measured.
 */
public final class Figures {

    private static final Path DIRECTORY = Path.of("target", "reliability");

    private Figures() {}

    /** Records {@code figure} (a sentence with its numbers) under {@code item}, such as "orphans". */
    public static synchronized void record(String item, String figure) {
        String line = Instant.now() + " " + (Counts.LONG ? "long" : "short") + " " + figure;
        System.out.println("reliability " + item + ": " + figure);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(item + ".txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record a figure of " + item, e);
        }
    }
}

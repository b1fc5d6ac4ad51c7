package dev.proctest.reliability.orphans;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * How the fixture in a test JVM tells the harness where it is: a line per mark in a file, the
 * mark's word, the test JVM's pid and the pids of its descendants then. A file, not the output:
 * a Surefire fork's output reaches the harness only through Maven.
 */
public final class Marks {

    /** The environment variable that every process of a trial inherits: its value names the trial. */
    public static final String TRIAL = "PROCTEST_ORPHANS_TRIAL";

    /** The environment variable naming the file of marks. */
    public static final String FILE = "PROCTEST_ORPHANS_MARKS";

    /** The environment variable naming the {@link Moment} the trial kills in. */
    public static final String MOMENT = "PROCTEST_ORPHANS_MOMENT";

    /** A mark the fixture wrote: its word, the test JVM's pid, the pids of the test JVM's descendants. */
    public record Mark(String word, long testJvm, List<Long> descendants) {}

    private Marks() {}

    /** In the fixture: writes the mark {@code word}, with the test JVM's pid and its descendants' now. */
    public static void reach(String word) {
        ProcessHandle self = ProcessHandle.current();
        String line = word + " " + self.pid() + self.descendants().map(process -> " " + process.pid()).collect(Collectors.joining())
                + System.lineSeparator();
        try {
            Files.writeString(Path.of(System.getenv(FILE)), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * In the harness: waits for mark {@code word} in {@code file}, looking every 5 ms, at most
     * {@code timeout}, or as long as {@code alive} says the test JVM may still write it.
     */
    public static Optional<Mark> await(Path file, String word, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Mark> mark = find(file, word);
            if (mark.isPresent() || !alive.getAsBoolean()) {
                return mark.isPresent() ? mark : find(file, word);
            }
            Thread.sleep(5); // the pause between looks at the file, within the deadline
        }
        return Optional.empty();
    }

    /** Returns every line of {@code file}, for a failure message. */
    public static String all(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "(no marks)";
        } catch (IOException e) {
            return "(marks unreadable: " + e + ")";
        }
    }

    private static Optional<Mark> find(Path file, String word) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.stream().filter(line -> !line.isBlank()).map(line -> line.split(" "))
                .filter(words -> words.length >= 2 && words[0].equals(word))
                .map(words -> new Mark(words[0], Long.parseLong(words[1]),
                        Arrays.stream(words, 2, words.length).map(Long::valueOf).toList()))
                .findFirst();
    }
}

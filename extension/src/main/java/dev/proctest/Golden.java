package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * Compares what a program printed with a golden file, the output it should print:
 *
 * <pre>{@code
 * ProgramResult result = processes.run(JavaChild.main(PingPong.class));
 * Golden.assertMatches("pingpong.out", result.stdout());
 * }</pre>
 *
 * <p>Golden files are in {@code src/test/resources/golden/} ({@code proctest.golden.dir}). Line
 * endings are normalised to {@code \n} on both sides. On a mismatch the failure shows a unified
 * diff, and carries the expected and actual text for IDEs to compare. With {@code
 * -Dproctest.golden.update=true} (or {@code proctest.golden.update=true} in {@code
 * junit-platform.properties}) the actual output is written to the golden file instead, and the
 * test says so on its standard error; review the change and commit it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class Golden {

    private Golden() {}

    /**
     * Asserts that {@code actual} is the content of golden file {@code name}, or writes it there when
     * golden files are being updated.
     *
     * @throws AssertionFailedError with a unified diff if they differ, or with the actual output and
     *     how to create the file if there is none
     */
    public static void assertMatches(String name, String actual) {
        Path directory = Path.of(setting(Constants.GOLDEN_DIR).orElse(Constants.GOLDEN_DIR_DEFAULT));
        assertMatches(directory, Boolean.parseBoolean(setting(Constants.GOLDEN_UPDATE).orElse(Constants.GOLDEN_UPDATE_DEFAULT).strip()),
                name, actual);
    }

    /** Compares with, or writes, the golden file {@code name} in {@code directory}. */
    static void assertMatches(Path directory, boolean update, String name, String actual) {
        if (name == null || name.isBlank() || Path.of(name).isAbsolute() || Path.of(name).normalize().startsWith("..")) {
            throw new IllegalArgumentException("A golden file's name is a path inside the golden directory, was [" + name + "]");
        }
        Path file = directory.resolve(name);
        String normalised = normalise(actual);
        if (update) {
            write(file, normalised);
            System.err.println("proctest: wrote golden file " + file.toAbsolutePath() + " (" + Constants.GOLDEN_UPDATE + " is true)");
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionFailedError("There is no golden file " + file.toAbsolutePath() + ". To create it from this output, run the"
                    + " test with -D" + Constants.GOLDEN_UPDATE + "=true and review it. The output was:\n" + normalised);
        }
        String expected;
        try {
            expected = normalise(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the golden file " + file.toAbsolutePath(), e);
        }
        if (!expected.equals(normalised)) {
            List<String> expectedLines = lines(expected);
            List<String> actualLines = lines(normalised);
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("golden/" + name, "actual", expectedLines,
                    DiffUtils.diff(expectedLines, actualLines), 3);
            throw new AssertionFailedError("The output differs from the golden file " + file.toAbsolutePath() + " (- golden, + actual;"
                    + " if the change is right, run with -D" + Constants.GOLDEN_UPDATE + "=true):\n" + String.join("\n", diff),
                    expected, normalised);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the golden file " + file.toAbsolutePath(), e);
        }
    }

    /** A setting from a system property, else from {@code junit-platform.properties} on the class path. */
    private static Optional<String> setting(String key) {
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(property);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Golden.class.getClassLoader()).getResourceAsStream("junit-platform.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(key));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.SpecSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What to run in a child process and how: the settings every kind of child has. Specs are
 * immutable: every modifier returns a new spec, so one spec can be shared by parallel tests.
 *
 * @param <S> the kind of spec, returned by its modifiers
 * @since 0.1
 * @see JavaChild
 * @see CommandChild
 */
@API(status = STABLE, since = "0.1")
public abstract sealed class ChildSpec<S extends ChildSpec<S>> permits JavaChild, CommandChild {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final SpecSettings settings;

    ChildSpec(SpecSettings settings) {
        this.settings = settings;
    }

    abstract S with(SpecSettings settings);

    /** The name the child has when none was given. */
    abstract String defaultName();

    /**
     * Names the child in reports, failure messages and its log file name; within a test, a second
     * child of the same name gets a suffix ({@code pong-2}). Letters, digits, {@code .}, {@code _}
     * and {@code -}; by default the main class's or program's simple name.
     */
    public S name(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A child name is made of letters, digits, '.', '_' and '-' and starts with a "
                    + "letter or digit, was [" + name + "]");
        }
        return with(settings.withName(name));
    }

    /** Sets an environment variable of the child, on top of the test JVM's environment. */
    public S env(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> env = new LinkedHashMap<>(settings.env());
        env.put(key, value);
        return with(settings.withEnv(env));
    }

    /** Runs the child in {@code directory} instead of the test JVM's working directory. */
    public S workingDirectory(Path directory) {
        return with(settings.withDirectory(Objects.requireNonNull(directory, "directory")));
    }

    /** Says when the child is ready; {@link Ready#onStart()} by default. */
    public S readyWhen(Ready ready) {
        return with(settings.withReady(Objects.requireNonNull(ready, "ready")));
    }

    /** Says how the child is stopped; {@link Stop#gracefully()} by default. */
    public S stopWith(Stop stop) {
        return with(settings.withStop(Objects.requireNonNull(stop, "stop")));
    }

    /**
     * Lets the child exit on its own during the test. Without it, a child that exits before the
     * test stops it fails the test, unless the test waited for the exit ({@link
     * ChildProcess#awaitExit}) or the child's readiness is {@link Ready#afterExit()}.
     */
    public S mayExit() {
        return with(settings.withExitAllowed());
    }

    /**
     * Fails the test when the child logs a record at {@code level} or above while the test runs,
     * as the "suspect strings" of Apache Geode's tests do: an error that no assertion looks at
     * still fails the build. The test fails at its next call into proctest or at its end, with
     * the record and the child's log. It overrides {@value Constants#FAIL_LOGGED}. Records that
     * an {@link #allowLogged} pattern finds do not count, nor those logged while proctest stops
     * the child, nor the record of an uncaught exception, which {@link JavaChild#allowUncaught}
     * governs.
     *
     * <p>A {@link CommandChild}'s records are its output lines, INFO on stdout and WARN on
     * stderr: {@code failOnLogged(Level.WARN)} fails on any line it writes to stderr, and ERROR
     * never fires for it. A Java child's stdout and stderr lines count the same way.
     *
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public S failOnLogged(Level level) {
        Objects.requireNonNull(level, "level");
        return with(settings.withFaults(settings.faults().withFailLevel(level)));
    }

    /**
     * Lets the child log records that {@code regex} finds without failing the test under {@link
     * #failOnLogged} or {@value Constants#FAIL_LOGGED}. The pattern is looked for ({@link
     * java.util.regex.Matcher#find}) in the record's message and, for a record with an exception,
     * in the exception's class name and message ({@code java.io.IOException: disk full}); not in
     * the logger's name nor the stack trace. Each call adds a pattern; {@code allowLogged("")}
     * allows every record, which turns the run-wide default off for this child.
     *
     * @throws java.util.regex.PatternSyntaxException for a regex that does not compile
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public S allowLogged(String regex) {
        Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        return with(settings.withFaults(settings.faults().withAllowedLogged(pattern)));
    }

    /** The child's name: the one given, else the default. */
    String childName() {
        return settings.name() != null ? settings.name() : defaultName();
    }

    SpecSettings settings() {
        return settings;
    }

    /** Makes {@code name} a valid default child name. */
    static String sanitize(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "child" + cleaned : cleaned;
    }

    static List<String> copy(String[] values, String what) {
        Objects.requireNonNull(values, what);
        List<String> list = Arrays.asList(values);
        if (list.contains(null)) {
            throw new IllegalArgumentException(what + " must not contain null: " + list);
        }
        return List.copyOf(list);
    }
}

package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proctest.internal.SpecSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
}

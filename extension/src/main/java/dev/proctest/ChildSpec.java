package dev.proctest;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /** The settings shared by every kind of child. */
    record Settings(String name, Map<String, String> env, Path workingDirectory, Ready ready, Stop stop, boolean mayExit) {

        static Settings defaults() {
            return new Settings(null, Map.of(), null, Ready.onStart(), Stop.gracefully(), false);
        }
    }

    private final Settings settings;

    ChildSpec(Settings settings) {
        this.settings = settings;
    }

    abstract S with(Settings settings);

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
        return with(new Settings(name, settings.env, settings.workingDirectory, settings.ready, settings.stop, settings.mayExit));
    }

    /** Sets an environment variable of the child, on top of the test JVM's environment. */
    public S env(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> env = new LinkedHashMap<>(settings.env);
        env.put(key, value);
        return with(new Settings(settings.name, Map.copyOf(env), settings.workingDirectory, settings.ready, settings.stop,
                settings.mayExit));
    }

    /** Runs the child in {@code directory} instead of the test JVM's working directory. */
    public S workingDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return with(new Settings(settings.name, settings.env, directory, settings.ready, settings.stop, settings.mayExit));
    }

    /** Says when the child is ready; {@link Ready#onStart()} by default. */
    public S readyWhen(Ready ready) {
        Objects.requireNonNull(ready, "ready");
        return with(new Settings(settings.name, settings.env, settings.workingDirectory, ready, settings.stop, settings.mayExit));
    }

    /** Says how the child is stopped; {@link Stop#gracefully()} by default. */
    public S stopWith(Stop stop) {
        Objects.requireNonNull(stop, "stop");
        return with(new Settings(settings.name, settings.env, settings.workingDirectory, settings.ready, stop, settings.mayExit));
    }

    /**
     * Lets the child exit on its own during the test. Without it, a child that exits before the
     * test stops it fails the test, unless the test waited for the exit ({@link
     * ChildProcess#awaitExit}) or the child's readiness is {@link Ready#afterExit()}.
     */
    public S mayExit() {
        return with(new Settings(settings.name, settings.env, settings.workingDirectory, settings.ready, settings.stop, true));
    }

    @API(status = INTERNAL, since = "0.1")
    public String childName() {
        return settings.name != null ? settings.name : defaultName();
    }

    @API(status = INTERNAL, since = "0.1")
    public Map<String, String> environment() {
        return settings.env;
    }

    @API(status = INTERNAL, since = "0.1")
    public Optional<Path> directory() {
        return Optional.ofNullable(settings.workingDirectory);
    }

    @API(status = INTERNAL, since = "0.1")
    public Ready readiness() {
        return settings.ready;
    }

    @API(status = INTERNAL, since = "0.1")
    public Stop stopping() {
        return settings.stop;
    }

    @API(status = INTERNAL, since = "0.1")
    public boolean exitAllowed() {
        return settings.mayExit || settings.ready.kind() == Ready.Kind.AFTER_EXIT;
    }

    Settings settings() {
        return settings;
    }

    /** Makes {@code name} a valid default child name. */
    static String sanitize(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0)) ? "child" + cleaned : cleaned;
    }
}

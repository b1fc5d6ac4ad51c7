package dev.proctest.engine.launch;

import dev.proctest.ChildProcessException;
import dev.proctest.engine.support.Forks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK a Java child runs on: its {@code java} executable and its feature version (17, 21,
 * 25...). Found from a JDK's home directory or its {@code java}, and known before any child starts
 * on it, so that a JDK that cannot run proctest's runtime, or the child's main class, fails the
 * spawn with a message that names it rather than a child that dies at start-up.
 */
record JavaRuntime(Path executable, int feature) {

    /** The oldest Java the runtime inside children is compiled for. */
    static final int OLDEST = 17;

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]+)\"?\\s*$");
    private static final Pattern SPECIFICATION_VERSION = Pattern.compile("java\\.specification\\.version = (\\S+)");
    private static final Map<Path, JavaRuntime> KNOWN = new ConcurrentHashMap<>();

    /** The test JVM's own JDK. */
    static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
    }

    /**
     * Returns the runtime that {@code java} names, a JDK's home or its {@code java} executable; a
     * runtime is looked at once per run.
     *
     * @param source where the choice was made, for messages: {@code proctest.child.java} or the spec
     * @throws ChildProcessException if there is no such JDK, it cannot be told which Java it is, or it is older than 17
     */
    static JavaRuntime of(Path java, String child, String source) {
        Path absolute = java.toAbsolutePath();
        Path executable = Files.isDirectory(absolute) ? absolute.resolve("bin").resolve("java") : absolute;
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new ChildProcessException("Cannot start child '" + child + "': " + source + " names " + java + ", which is neither a"
                    + " JDK's home directory nor a java executable (no executable " + executable + ")");
        }
        JavaRuntime runtime = KNOWN.computeIfAbsent(executable, JavaRuntime::lookAt);
        if (runtime.feature() < OLDEST) {
            throw new ChildProcessException("Cannot start child '" + child + "' on Java " + runtime.feature() + " (" + executable
                    + ", from " + source + "): proctest's runtime in children needs Java " + OLDEST + " or newer");
        }
        return runtime;
    }

    /**
     * Checks that this runtime can load a class file of {@code major} version, the main class's.
     *
     * @throws ChildProcessException if the class is compiled for a newer Java than this one
     */
    void checkCanRun(String child, String className, int major) {
        int compiledFor = major - 44;
        if (compiledFor > feature) {
            throw new ChildProcessException("Cannot start child '" + child + "' on Java " + feature + " (" + executable + "): its main class "
                    + className + " is compiled for Java " + compiledFor + " (class file version " + major + "); run it on Java "
                    + compiledFor + " or newer, or compile it with --release " + feature);
        }
    }

    private static JavaRuntime lookAt(Path executable) {
        return new JavaRuntime(executable, fromReleaseFile(executable).orElseGet(() -> probe(executable)));
    }

    /** Reads {@code JAVA_VERSION} from the {@code release} file every JDK since 9 has in its home. */
    private static Optional<Integer> fromReleaseFile(Path executable) {
        try {
            Path home = executable.toRealPath().getParent().getParent();
            Path release = home == null ? null : home.resolve("release");
            if (release == null || !Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Matcher version = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            return version.find() ? Optional.of(feature(version.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Asks the JVM itself, for a {@code java} without a release file (a wrapper script, an old JDK). */
    private static int probe(Path executable) {
        String output;
        try {
            Process java = Forks.start(new ProcessBuilder(List.of(executable.toString(), "-XshowSettings:properties", "-version"))
                    .redirectErrorStream(true));
            java.getOutputStream().close();
            output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!java.waitFor(30, TimeUnit.SECONDS)) {
                java.destroyForcibly();
            }
        } catch (IOException e) {
            throw new ChildProcessException("Cannot tell which Java " + executable + " is: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while asking " + executable + " which Java it is", e);
        }
        Matcher version = SPECIFICATION_VERSION.matcher(output);
        if (!version.find()) {
            throw new ChildProcessException("Cannot tell which Java " + executable + " is: it printed no java.specification.version for"
                    + " -XshowSettings:properties -version:\n" + output.strip());
        }
        return feature(version.group(1));
    }

    /** The feature number of a version string: 17 of {@code 17.0.15}, 8 of {@code 1.8.0_392}. */
    static int feature(String version) {
        String[] parts = version.split("[._+-]");
        return Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
    }
}

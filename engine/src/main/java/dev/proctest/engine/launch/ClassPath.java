package dev.proctest.engine.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apiguardian.api.API;

/**
 * The class path a test really runs with, whatever started the test JVM: Maven Surefire and
 * Failsafe (which boot from a manifest-only jar and name the real class path in {@code
 * surefire.test.class.path}), IDEs that shorten the command line into a manifest jar, and the
 * Console Launcher (which loads tests through a class loader of its own).
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassPath {

    private ClassPath() {}

    /** Returns the class path entries of {@code testLoader}, the loader of the test classes, and its parents. */
    public static List<String> of(ClassLoader testLoader) {
        Set<String> entries = new LinkedHashSet<>(systemEntries());
        Deque<URLClassLoader> loaders = new ArrayDeque<>();
        for (ClassLoader loader = testLoader; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                loaders.push(urls); // parents first, as the loaders delegate
            }
        }
        for (URLClassLoader loader : loaders) {
            for (URL url : loader.getURLs()) {
                toPath(url).ifPresent(entries::add);
            }
        }
        return List.copyOf(entries);
    }

    private static List<String> systemEntries() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return split(surefire);
        }
        List<String> entries = split(System.getProperty("java.class.path", ""));
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            List<String> manifest = manifestClassPath(Path.of(entries.get(0)));
            if (!manifest.isEmpty()) {
                return manifest;
            }
        }
        return entries;
    }

    /** Reads the {@code Class-Path} of a manifest-only jar: URLs relative to the jar. */
    static List<String> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            URI base = jar.toAbsolutePath().toUri();
            List<String> entries = new ArrayList<>();
            for (String entry : classPath.strip().split("\\s+")) {
                entries.add(Path.of(base.resolve(entry)).toString());
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Returns the jar or directory {@code type} was loaded from, if it was loaded from a file. */
    public static Optional<Path> locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? Optional.empty() : toPath(source.getLocation()).map(Path::of);
    }

    private static Optional<String> toPath(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Optional.of(Path.of(url.toURI()).toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}

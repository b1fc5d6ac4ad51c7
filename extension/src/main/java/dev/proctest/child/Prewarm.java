package dev.proctest.child;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What a JVM of the pool does while it waits for its plan, so that its child starts sooner: only
 * what no plan decides. It opens every entry of the class path (the first class looked up in a
 * late entry opens all before it), reads the time-zone rules (not the default zone: a plan may
 * set {@code user.timezone}), and loads, without initialising, the runtime's own classes and,
 * when no agent weaves classes as they load, those of the logging frameworks on the class path;
 * with an agent, those of Byte Buddy, which weaves only the types a plan names, never its own.
 * A class loaded but not initialised runs no code, so nothing of this shows to the child. It stops
 * as soon as the plan arrives.
 */
final class Prewarm {

    /** A class of each logging framework whose jar is preloaded when it is on the class path. */
    private static final List<String> FRAMEWORKS = List.of("org/slf4j/Logger.class", "ch/qos/logback/classic/Logger.class",
            "ch/qos/logback/core/Appender.class", "org/apache/logging/log4j/Logger.class",
            "org/apache/logging/log4j/core/Logger.class");

    private static final List<String> WEAVING = List.of("net/bytebuddy/ByteBuddy.class");

    private static final List<String> OWN_PACKAGES = List.of("dev/proctest/child/", "dev/proctest/wire/");

    private static volatile boolean planned;

    private Prewarm() {}

    /**
     * Starts the work on a thread of its own; {@code poolName} names the process meanwhile.
     *
     * @param preload {@code logging}, {@code weaving} or null: what to load beside the runtime
     */
    static void start(String poolName, String preload) {
        ProcessName.set(poolName); // here, not on the thread: the child's name, set once the plan has come, must win
        Thread thread = new Thread(() -> run(preload), "proctest-prewarm");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The plan has come: what is not done by now is left to the child. */
    static void stop() {
        planned = true;
    }

    private static void run(String preload) {
        ClassLoader.getSystemClassLoader().getResource("dev/proctest/child/no-such-resource");
        ZoneId.of("Europe/Paris").getRules();
        List<Path> jars = new ArrayList<>();
        jars.add(location(Prewarm.class));
        List<String> others = "logging".equals(preload) ? FRAMEWORKS : "weaving".equals(preload) ? WEAVING : List.of();
        others.forEach(resource -> jars.add(jarOf(ClassLoader.getSystemResource(resource))));
        for (Path jar : jars) {
            if (jar != null) {
                load(jar, jar.equals(location(Prewarm.class)));
            }
        }
    }

    /**
     * Loads, without initialising, the runtime's own classes and all of JeroMQ's: what a class data
     * archive is to hold ({@link ClassDataTraining}).
     */
    static void loadRuntime() {
        Path own = location(Prewarm.class);
        if (own != null) {
            load(own, true);
        }
        Path jeromq = location(org.zeromq.ZMQ.class);
        if (jeromq != null && !jeromq.equals(own)) {
            load(jeromq, false);
        }
    }

    private static void load(Path location, boolean own) {
        for (String name : classNames(location)) {
            if (planned) {
                return;
            }
            if (own && OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            try {
                Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                        ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that needs what is not on the class path: the child would not load it either
            }
        }
    }

    /** The class files of a jar or directory, as resource names. */
    private static List<String> classNames(Path location) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(file -> location.relativize(file).toString().replace('\\', '/')).filter(Prewarm::isClass)
                            .forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        String name = entries.nextElement().getName();
                        if (isClass(name)) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to preload from there: the child loads what it needs when it needs it
        }
        return names;
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF/");
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The jar a class file of the class path comes from, or null. */
    private static Path jarOf(URL resource) {
        if (resource == null || !resource.getProtocol().equals("jar")) {
            return null;
        }
        String file = resource.getPath();
        try {
            return Path.of(URI.create(file.substring(0, file.indexOf("!/"))));
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package dev.proctest.engine.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.ClassDataTraining;
import dev.proctest.engine.stop.Os;
import dev.proctest.engine.support.Forks;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.zeromq.ZMQ;

/**
 * Class data archives of the runtime's jars (proctest's own and JeroMQ's), one per JDK: a child
 * started with one maps those classes instead of loading and verifying them, which is most of what
 * a JVM that speaks ZeroMQ spends starting. An archive is built in the background the first time a
 * run needs it, by a JVM that runs {@link ClassDataTraining} and writes the archive as it exits,
 * and it is checked once per run; until then, and whenever it cannot be used, children start
 * without it. The runtime's jars go first on the child's class path, as the JVM uses an archive
 * only for the entries at the front of the class path that it was built with.
 */
@API(status = INTERNAL, since = "0.2")
public final class ClassDataArchives implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ClassDataArchives.class.getName());

    /** Options by which a spec chose what its JVM shares, which are left to it. */
    private static final List<String> OWN_CHOICE = List.of("-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-XX:+AutoCreateSharedArchive", "-XX:AOT");

    /** A JVM that cannot use the archive says so on stdout, which is the child's output: it must not. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private static final long BUILD_TIMEOUT_SECONDS = 60;
    private static final long BUILD_GRACE_SECONDS = 5;

    /** How a failure of a JVM that ran and exited begins: only such a JVM has judged the archive. */
    private static final String REFUSED = "exit code ";

    private final boolean enabled;
    private final Path directory;
    private final Consumer<Process> started;
    private final Consumer<Process> ended;
    /** The runtime's jars, first on a child's class path; empty if the runtime is not in jars here. */
    private final List<String> runtimeJars;
    private final Map<Path, Archive> archives = new ConcurrentHashMap<>();
    private final Map<Process, Boolean> running = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "proctest-class-data");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param started takes each process the archives start (to register it with the reaper)
     * @param ended takes it again once it has ended
     */
    public ClassDataArchives(boolean enabled, Path directory, Consumer<Process> started, Consumer<Process> ended) {
        this.enabled = enabled;
        this.directory = directory;
        this.started = started;
        this.ended = ended;
        this.runtimeJars = runtimeJars();
    }

    /** Returns {@code classPath} with the runtime's jars first, if archives are on and it has them. */
    public List<String> order(List<String> classPath) {
        if (!enabled || runtimeJars.isEmpty() || !classPath.stream().map(ClassDataArchives::normal).toList().containsAll(runtimeJars)) {
            return classPath;
        }
        List<String> ordered = new ArrayList<>(runtimeJars);
        classPath.stream().filter(entry -> !runtimeJars.contains(normal(entry))).forEach(ordered::add);
        return ordered;
    }

    /**
     * Returns the options that start a JVM of {@code launch} with its JDK's archive: one an earlier
     * run left at once (it is checked meanwhile), a new one once it is built and checked; none
     * before, starting its build the first time.
     */
    public List<String> options(JavaLaunch launch) {
        if (closed || !enabled || runtimeJars.isEmpty() || !launch.classPath().subList(0, Math.min(runtimeJars.size(), launch.classPath().size()))
                .equals(runtimeJars) || launch.jvmOptions().stream().anyMatch(option -> OWN_CHOICE.stream().anyMatch(option::startsWith))) {
            return List.of();
        }
        Archive archive = archives.computeIfAbsent(launch.java(), java -> {
            Archive prepared = new Archive(java, directory.resolve("runtime-" + launch.feature() + "-" + digest(java) + ".jsa"));
            builder.execute(prepared::prepare);
            return prepared;
        });
        if (!archive.usable) {
            return List.of();
        }
        List<String> options = new ArrayList<>(QUIET);
        options.add("-XX:SharedArchiveFile=" + archive.file);
        return options;
    }

    /**
     * Lets a build under way finish for a few seconds, so that a run shorter than a build still
     * leaves an archive for the next one, then stops what is left: nothing it started outlives
     * the run. Call it once the children have been stopped, not holding a lock that {@code
     * started} or {@code ended} take.
     */
    @Override
    public void close() {
        closed = true;
        builder.shutdown();
        try {
            builder.awaitTermination(BUILD_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        builder.shutdownNow();
        running.keySet().forEach(process -> {
            process.destroyForcibly();
            ended.accept(process);
        });
    }

    /** The archive of one JDK's runtime classes, at {@code file}, named after the JDK and the jars. */
    private final class Archive {

        private final Path java;
        private final Path file;
        private volatile boolean usable;

        Archive(Path java, Path file) {
            this.java = java;
            this.file = file;
            this.usable = Files.exists(file); // an earlier run's archive of the same JDK and jars serves the first children too
        }

        void prepare() {
            try {
                Files.createDirectories(directory);
                if (Files.exists(file)) { // an earlier run's, which children use meanwhile: a JVM that refuses it starts without it
                    Optional<String> refused = check();
                    if (refused.filter(reason -> reason.startsWith(REFUSED)).isEmpty()) {
                        return; // taken, or not judged (a check that timed out under load, the run's end): kept as it is
                    }
                    usable = false; // refused, and deleted: built again below
                }
                Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
                Files.delete(partial); // the JVM writes it anew
                Optional<String> failed = run(List.of("-XX:ArchiveClassesAtExit=" + partial, QUIET.get(0), QUIET.get(1), "-cp",
                        String.join(File.pathSeparator, runtimeJars), ClassDataTraining.class.getName()));
                if (failed.isEmpty() && Files.exists(partial)) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    failed = check();
                } else {
                    Files.deleteIfExists(partial);
                    failed = Optional.of(failed.orElse("it wrote no archive"));
                }
                usable = failed.isEmpty();
                failed.filter(reason -> !closed).ifPresent(reason -> LOG.log(Level.INFO, "proctest: children on " + java
                        + " start without a class data archive, as " + file + " could not be built or used: " + reason));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "proctest: children on " + java + " start without a class data archive: " + e);
            }
        }

        /** Returns why the JDK refuses the archive, if it does: {@code -Xshare:on} fails where children would fall back. */
        private Optional<String> check() {
            Optional<String> refused = run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + file, "-cp", String.join(File.pathSeparator,
                    runtimeJars), "-version"));
            if (refused.filter(reason -> reason.startsWith(REFUSED)).isPresent()) { // the JDK said no; not a timeout or the run's end
                try {
                    Files.deleteIfExists(file); // stale: the next run builds it again
                } catch (IOException e) {
                    // left for the next run to replace
                }
            }
            return refused;
        }

        /** Runs {@code java} with {@code arguments}; returns its output if it failed. */
        private Optional<String> run(List<String> arguments) {
            List<String> command = new ArrayList<>(Os.launchPrefix());
            command.add(java.toString());
            command.addAll(arguments);
            Process process = null;
            if (closed) {
                return Optional.of("the run ended first");
            }
            try {
                Path output = Files.createTempFile(directory, "java", ".out");
                try {
                    process = Forks.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()));
                    running.put(process, true);
                    started.accept(process);
                    boolean exited = process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (exited && process.exitValue() == 0) {
                        return Optional.empty();
                    }
                    String said = Files.readString(output).strip();
                    return Optional.of((exited ? REFUSED + process.exitValue() : "no exit within " + BUILD_TIMEOUT_SECONDS + " s")
                            + (said.isEmpty() ? "" : ": " + said));
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                return Optional.of(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("the run ended first");
            } finally {
                if (process != null) {
                    process.destroyForcibly();
                    running.remove(process);
                    ended.accept(process);
                }
            }
        }
    }

    /** Names an archive after what makes it valid: the JDK with its modules, and the jars, with their sizes and times. */
    private String digest(Path java) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path real = java.toRealPath();
            digest.update(real.toString().getBytes(StandardCharsets.UTF_8));
            List<String> named = new ArrayList<>(runtimeJars);
            Path modules = real.getParent().resolveSibling("lib").resolve("modules"); // changes with an update of the JDK in place
            if (Files.isRegularFile(modules)) {
                named.add(modules.toString());
            }
            for (String jar : named) {
                Path path = Path.of(jar);
                digest.update((jar + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unnamed";
        }
    }

    /** The jars of proctest's runtime and of JeroMQ, if both are jars: an archive holds no directory's classes. */
    private static List<String> runtimeJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(ClassDataTraining.class, ZMQ.class)) {
            Optional<Path> jar = ClassPath.locationOf(type).filter(path -> path.toString().endsWith(".jar") && Files.isRegularFile(path));
            if (jar.isEmpty()) {
                return List.of();
            }
            jars.add(normal(jar.get().toString()));
        }
        return List.copyOf(jars);
    }

    private static String normal(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return entry;
        }
    }
}

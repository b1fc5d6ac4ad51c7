package dev.proctest.engine.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.Constants;
import dev.proctest.JavaChild;
import dev.proctest.child.ChildMain;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.coverage.ChildCoverage;
import dev.proctest.engine.stop.Os;
import dev.proctest.engine.stop.StartGate;
import dev.proctest.engine.support.Forks;
import dev.proctest.internal.Api;
import dev.proctest.internal.JavaSpec;
import dev.proctest.internal.SpecSettings;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Builds how a child is started, checked before any process starts: for a Java child its JDK,
 * main class, class path, agents and options in an argument file beside its log, and the plan it
 * is sent; for any child its program, environment and working directory. Every child starts in a
 * process group of its own with default signal handling ({@link Os#launchPrefix}).
 */
@API(status = INTERNAL, since = "0.1")
public final class Launcher {

    /** Where a Java child finds the hub: its address, the run's token, and the id the hub gave the child. */
    public record HubAddress(String address, String token, String childId) {}

    private final Configuration configuration;
    private final Optional<ChildCoverage> coverage;
    private final ClassDataArchives archives;

    public Launcher(Configuration configuration, Optional<ChildCoverage> coverage, ClassDataArchives archives) {
        this.configuration = configuration;
        this.coverage = coverage;
        this.archives = archives;
    }

    /**
     * Checks how a Java child starts and returns it: two spawns with equal launches can be served
     * by JVMs started alike.
     *
     * @throws ChildProcessException if its JDK, main class or time packages will not do
     */
    public JavaLaunch java(JavaChild spec, String name, ClassLoader testLoader) {
        JavaSpec java = Api.java(spec);
        JavaRuntime runtime = runtime(java, name);
        MainMethods.check(java.mainClass(), name, testLoader, runtime);
        List<String> classPath = archives.order(ClassPath.of(testLoader));
        TimePackages.check(java.time(), name, classPath);
        List<String> options = new ArrayList<>(configuration.childJvmArgs());
        options.addAll(java.jvmArgs());
        SpecSettings settings = Api.settings(spec);
        return new JavaLaunch(runtime.executable(), runtime.feature(), classPath, options, !java.rules().isEmpty() || java.time().rewrites(),
                coverage.isPresent(), settings.env(), settings.directory());
    }

    /**
     * Returns the start of the JVM of Java child {@code name}, but for its connection to the hub
     * ({@link #connect}), with its argument file beside its log.
     */
    public ProcessBuilder child(JavaLaunch launch, String name, String mainClass, Path logDirectory) {
        return builder(launch, name, logDirectory.resolve(name + ".args"), // where ps, pgrep -f and jps -v show who the child is
                List.of("-D" + Environment.CHILD_PROPERTY + "=" + name, "-D" + Environment.MAIN_PROPERTY + "=" + mainClass));
    }

    /**
     * Returns the start of JVM {@code poolName} of the pool, but for its connection to the hub: it
     * connects and waits for the plan of the child it will serve, as long as it hears the hub.
     */
    public ProcessBuilder pooled(JavaLaunch launch, String poolName, Path directory) {
        ProcessBuilder builder = builder(launch, poolName, directory.resolve(poolName + ".args"),
                List.of("-D" + Environment.POOLED_PROPERTY + "=" + poolName));
        builder.environment().put(Environment.POOLED, configuration.heartbeatTimeout().toString());
        // without an agent no class is woven as it loads, so loading some ahead shows to no one
        builder.environment().put(Environment.PRELOAD, launch.byteBuddyAgent() ? "weaving" : "logging");
        return builder;
    }

    private ProcessBuilder builder(JavaLaunch launch, String coverageName, Path argFile, List<String> shown) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().putAll(launch.environment());
        launch.directory().map(Path::toFile).ifPresent(builder::directory);
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.add(launch.java().toString());
        command.addAll(shown);
        command.add(ArgFile.write(argFile, javaArguments(launch, coverageName)));
        coverage.ifPresent(collected -> {
            collected.adjust(builder.environment());
            builder.environment().put(Environment.COVERAGE_INTERVAL, collected.interval());
        });
        return builder.command(command);
    }

    /** Returns the plan a Java child is sent when it connects. */
    public ChildPlan plan(JavaChild spec, String name) {
        JavaSpec java = Api.java(spec);
        return new ChildPlan(name, java.mainClass(), java.args(), java.systemProperties(), configuration.heartbeatTimeout(),
                java.callRules(), java.time().virtual() ? java.time().withGrace(configuration.virtualGrace().toNanos()) : java.time());
    }

    /** Gives a Java child the hub to connect to, in its environment, where no other user of the machine reads it. */
    public static void connect(ProcessBuilder java, HubAddress hub) {
        java.environment().put(Environment.HUB, hub.address());
        java.environment().put(Environment.TOKEN, hub.token());
        java.environment().put(Environment.CHILD_ID, hub.childId());
        java.environment().put(Environment.PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
    }

    /**
     * Returns the start of a child that runs any program; the child is held at its start until
     * {@link StartGate#open} lets it run.
     *
     * @throws ChildProcessException if there is no such program
     */
    public ProcessBuilder command(CommandChild spec, String name) {
        ProcessBuilder builder = builder(spec);
        List<String> programAndArguments = Api.command(spec);
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.addAll(StartGate.words()); // held until its group is registered: it has no watch of its own on the test JVM
        command.add(program(programAndArguments.get(0), name, builder).toString());
        command.addAll(programAndArguments.subList(1, programAndArguments.size()));
        return builder.command(command);
    }

    /**
     * Starts the process; a child that reads its stdin reads its end at once, not forever, or, for
     * a child held at its start ({@link StartGate}), once the gate is opened.
     *
     * @throws ChildProcessException saying why it could not start
     */
    public static Process start(ProcessBuilder builder, String name) {
        try {
            Process process = Forks.start(builder);
            if (!StartGate.holds(builder.command())) {
                process.getOutputStream().close();
            }
            return process;
        } catch (IOException e) {
            throw new ChildProcessException("Cannot start child '" + name + "': " + e.getMessage()
                    + (builder.directory() == null ? "" : " (working directory " + builder.directory() + ")"), e);
        }
    }

    private static ProcessBuilder builder(ChildSpec<?> spec) {
        SpecSettings settings = Api.settings(spec);
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().putAll(settings.env());
        settings.directory().map(Path::toFile).ifPresent(builder::directory);
        return builder;
    }

    private List<String> javaArguments(JavaLaunch launch, String coverageName) {
        List<String> arguments = new ArrayList<>();
        coverage.ifPresent(collected -> arguments.add(collected.javaAgentArgument(coverageName)));
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, launch.classPath()));
        arguments.addAll(archives.options(launch)); // before the spec's options, which may say otherwise
        arguments.addAll(launch.jvmOptions());
        if (launch.byteBuddyAgent()) {
            arguments.add("-javaagent:" + ByteBuddyAgent.jar());
        }
        arguments.add(ChildMain.class.getName());
        return arguments;
    }

    /** The JDK a child runs on: its spec's, else {@code proctest.child.java}'s, else the test JVM's. */
    private JavaRuntime runtime(JavaSpec java, String name) {
        if (java.chosenJava().isPresent()) {
            return JavaRuntime.of(java.chosenJava().get(), name, "its spec's java(...)");
        }
        return configuration.childJava().map(path -> JavaRuntime.of(path, name, Constants.CHILD_JAVA)).orElseGet(JavaRuntime::current);
    }

    /** Finds the program to run before starting it, so that a missing one fails with a clear message. */
    private static Path program(String program, String name, ProcessBuilder builder) {
        Path directory = builder.directory() == null ? Path.of("").toAbsolutePath() : builder.directory().toPath();
        return Programs.find(program, builder.environment(), directory).orElseThrow(() -> new ChildProcessException(
                "Cannot start child '" + name + "': no program " + program + (program.contains(File.separator)
                        ? " in " + directory : " on its PATH (" + Programs.path(builder.environment()) + ")")));
    }
}

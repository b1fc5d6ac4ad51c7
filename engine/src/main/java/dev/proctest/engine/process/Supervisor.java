package dev.proctest.engine.process;

import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.Stop;
import dev.proctest.child.ChildMain;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.hub.Hub;
import dev.proctest.wire.Environment;
import dev.proctest.wire.Plan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the children of one run and makes sure none outlives it: the hub they connect to, the
 * reaper that kills their process groups if the test JVM dies, and a shutdown hook for a test JVM
 * that exits before the run's end. One per run, created at the first spawn.
 */
public final class Supervisor implements AutoCloseable {

    private final Configuration configuration;
    private final Set<RunningChild> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::killAll, "proctest-supervisor-shutdown");
    private Hub hub;
    private Optional<Reaper> reaper;

    public Supervisor(Configuration configuration) {
        this.configuration = configuration;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the process of a child; does not wait for it to be ready.
     *
     * @param captureAll whether to keep all of its output in memory, as {@code run} returns it
     */
    RunningChild start(ChildSpec<?> spec, String name, Path logDirectory, Class<?> testClass, boolean captureAll) {
        ChildState state;
        List<String> command = new ArrayList<>(Os.newProcessGroup());
        ProcessBuilder builder = new ProcessBuilder();
        if (spec instanceof JavaChild java) {
            MainMethods.check(java, name, testClass);
            state = new ChildState(new Plan(name, java.mainClassName(), java.arguments(), java.systemProperties(),
                    configuration.heartbeatTimeout()));
            Hub hub = hub();
            String childId = hub.expect(state);
            builder.environment().put(Environment.HUB, hub.address());
            builder.environment().put(Environment.TOKEN, hub.token());
            builder.environment().put(Environment.CHILD_ID, childId);
            command.add(configuration.childJava().toString());
            command.add(ArgFile.write(logDirectory.resolve(name + ".args"), javaArguments(java, testClass)));
        } else {
            state = new ChildState(null);
            command.addAll(((CommandChild) spec).command());
        }
        builder.environment().putAll(spec.environment());
        spec.directory().map(Path::toFile).ifPresent(builder::directory);
        builder.command(command);
        ChildOutput output = new ChildOutput(logDirectory.resolve(name + ".log"), configuration.reportTail(), captureAll);
        Process process = launch(builder, name, output);
        if (spec.readiness().pattern() != null) {
            output.onLine(line -> {
                if (spec.readiness().pattern().matcher(line).find()) {
                    state.logged();
                }
            });
        }
        output.note("started (pid " + process.pid() + "): " + String.join(" ", command));
        output.drain(name, process.getInputStream(), process.getErrorStream());
        boolean ownGroup = !Os.newProcessGroup().isEmpty();
        if (ownGroup) {
            reaper().ifPresent(r -> r.register(process.pid()));
        }
        RunningChild child = new RunningChild(name, spec, process, ownGroup, state, output, new RunningChild.Timeouts(
                configuration.stopTimeout(), configuration.awaitTimeout(), configuration.reportTail()));
        live.add(child);
        return child;
    }

    /** Forgets a child whose whole tree has been stopped. */
    void release(RunningChild child) {
        live.remove(child);
        if (child.ownsProcessGroup()) {
            reaper().ifPresent(r -> r.forget(child.pid()));
        }
        child.output().close();
    }

    @Override
    public synchronized void close() {
        killAll();
        if (hub != null) {
            hub.close();
        }
        if (reaper != null) {
            reaper.ifPresent(Reaper::close);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs or ran
        }
    }

    private void killAll() {
        for (RunningChild child : List.copyOf(live)) {
            child.stop(Stop.kill());
            release(child);
        }
    }

    private List<String> javaArguments(JavaChild java, Class<?> testClass) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, ClassPath.of(testClass)));
        arguments.addAll(configuration.childJvmArgs());
        arguments.addAll(java.jvmArguments());
        arguments.add(ChildMain.class.getName());
        return arguments;
    }

    private static Process launch(ProcessBuilder builder, String name, ChildOutput output) {
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // a child that reads stdin reads its end, not a wait forever
            return process;
        } catch (IOException e) {
            output.note("could not start: " + e.getMessage());
            output.close();
            throw new ChildProcessException("Cannot start child '" + name + "': " + e.getMessage()
                    + (builder.directory() == null ? "" : " (working directory " + builder.directory() + ")"), e);
        }
    }

    private synchronized Hub hub() {
        if (hub == null) {
            hub = Hub.start();
        }
        return hub;
    }

    private synchronized Optional<Reaper> reaper() {
        if (reaper == null) {
            reaper = Reaper.start();
        }
        return reaper;
    }
}

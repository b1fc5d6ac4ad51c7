package dev.proctest.engine.process;

import dev.proctest.ChildProcessException;
import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.Constants;
import dev.proctest.JavaChild;
import dev.proctest.Stop;
import dev.proctest.child.ChildMain;
import dev.proctest.engine.calls.RemoteAnswering;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.coverage.ChildCoverage;
import dev.proctest.engine.hub.Hub;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.sockets.StopMessages;
import dev.proctest.wire.Environment;
import dev.proctest.wire.Plan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.zeromq.ZContext;

/**
 * Starts the children of one run and makes sure none outlives it: the hub they connect to, the
 * reaper that kills their process groups if the test JVM dies, and a shutdown hook for a test JVM
 * that exits before the run's end. One per run, created at the first spawn.
 */
public final class Supervisor implements AutoCloseable {

    private final Configuration configuration;
    private final ProcessTree.MessageSender stopMessages;
    /** The children not yet released, with how they were started. */
    private final Map<RunningChild, Launch> live = new ConcurrentHashMap<>();
    private final Thread shutdownHook = new Thread(this::killAll, "proctest-supervisor-shutdown");
    private final Optional<ChildCoverage> coverage;
    private Hub hub;
    private Optional<Reaper> reaper;

    /** @param sockets the run's ZeroMQ context for test sockets, made on first use: it sends stop messages */
    public Supervisor(Configuration configuration, Supplier<ZContext> sockets) {
        this.configuration = configuration;
        this.stopMessages = (message, timeout) -> StopMessages.send(sockets.get(), message, timeout);
        this.coverage = ChildCoverage.of(configuration.coverage());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the process of a child; does not wait for it to be ready.
     *
     * @param captureAll whether to keep all of its output in memory, as {@code run} returns it
     */
    RunningChild start(ChildSpec<?> spec, String name, Path logDirectory, Class<?> testClass, boolean captureAll) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().putAll(spec.environment());
        spec.directory().map(Path::toFile).ifPresent(builder::directory);
        ChildLog log = new ChildLog(name, logDirectory.resolve(name + ".log"), configuration.logsRetained(),
                !(spec instanceof JavaChild));
        Launch launch;
        try {
            launch = spec instanceof JavaChild java
                    ? prepare(java, name, logDirectory, testClass, builder, log)
                    : prepare((CommandChild) spec, name, builder, log);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        ChildOutput output = new ChildOutput(log, captureAll);
        Process process = start(builder.command(launch.command()), name, log, launch);
        if (spec.readiness().pattern() != null) {
            log.onRecord(record -> {
                if (spec.readiness().pattern().matcher(record.message()).find()) {
                    launch.state().readyLineLogged();
                }
            });
        }
        log.note("started (pid " + process.pid() + "): " + String.join(" ", launch.command()));
        output.drain(name, process.getInputStream(), process.getErrorStream());
        boolean ownGroup = Os.startsProcessGroups();
        if (ownGroup) {
            reaper().ifPresent(r -> r.register(process.pid()));
        }
        RunningChild child = new RunningChild(name, spec, process, ownGroup, launch.state(), log, output, new RunningChild.Timeouts(
                configuration.stopTimeout(), configuration.awaitTimeout(), configuration.reportTail()), stopMessages,
                (number, callable) -> launch.hubId() != null && hub().call(launch.hubId(), number, callable));
        live.put(child, launch);
        return child;
    }

    /** Forgets a child whose whole tree has been stopped. */
    void release(RunningChild child) {
        Launch launch = live.remove(child);
        if (launch != null && launch.hubId() != null) {
            hub().forget(launch.hubId());
        }
        if (child.ownsProcessGroup()) {
            reaper().ifPresent(r -> r.forget(child.pid()));
        }
        child.log().close();
        child.state().closeAnswering();
    }

    /** What starting a child takes: its command, its state, and its id at the hub if it has one. */
    private record Launch(List<String> command, ChildState state, String hubId) {}

    private Launch prepare(JavaChild java, String name, Path logDirectory, Class<?> testClass, ProcessBuilder builder, ChildLog log) {
        JavaRuntime runtime = runtime(java, name);
        MainMethods.check(java.mainClassName(), name, testClass.getClassLoader(), runtime);
        List<String> classPath = ClassPath.of(testClass.getClassLoader());
        TimePackages.check(java.time(), name, classPath);
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.add(runtime.executable().toString());
        command.add(ArgFile.write(logDirectory.resolve(name + ".args"), javaArguments(java, name, classPath)));
        ChildState state = new ChildState(new Plan(name, java.mainClassName(), java.arguments(), java.systemProperties(),
                configuration.heartbeatTimeout(), java.callRules(), java.time()), log);
        Hub hub = hub();
        String hubId = hub.expect(state);
        if (!java.remoteAnswers().isEmpty()) {
            state.answerWith(new RemoteAnswering(name, java.remoteAnswers(), (number, outcome, payload) ->
                    hub.answer(hubId, number, outcome, payload)));
        }
        log.syncWith(number -> hub.sync(hubId, number));
        builder.environment().put(Environment.HUB, hub.address());
        builder.environment().put(Environment.TOKEN, hub.token());
        builder.environment().put(Environment.CHILD_ID, hubId);
        builder.environment().put(Environment.PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
        coverage.ifPresent(collected -> {
            collected.adjust(builder.environment());
            builder.environment().put(Environment.COVERAGE_INTERVAL, collected.interval());
            state.dumpCoverageWith(() -> hub.dump(hubId));
        });
        return new Launch(command, state, hubId);
    }

    private Launch prepare(CommandChild commandChild, String name, ProcessBuilder builder, ChildLog log) {
        List<String> programAndArguments = commandChild.command();
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.add(program(programAndArguments.get(0), name, builder).toString());
        command.addAll(programAndArguments.subList(1, programAndArguments.size()));
        return new Launch(command, new ChildState(null, log), null);
    }

    @Override
    public synchronized void close() {
        killAll();
        if (hub != null) {
            hub.close();
        }
        coverage.ifPresent(ChildCoverage::merge); // every child has ended and written its coverage
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
        for (RunningChild child : List.copyOf(live.keySet())) {
            child.stop(Stop.kill());
            release(child);
        }
    }

    private List<String> javaArguments(JavaChild java, String name, List<String> classPath) {
        List<String> arguments = new ArrayList<>();
        coverage.ifPresent(collected -> arguments.add(collected.javaAgentArgument(name)));
        arguments.add("-cp");
        arguments.add(String.join(File.pathSeparator, classPath));
        arguments.addAll(configuration.childJvmArgs());
        arguments.addAll(java.jvmArguments());
        if (!java.callRules().isEmpty() || java.time().rewrites()) {
            arguments.add("-javaagent:" + CallAgent.jar());
        }
        arguments.add(ChildMain.class.getName());
        return arguments;
    }

    /** The JDK a child runs on: its spec's, else {@code proctest.child.java}'s, else the test JVM's. */
    private JavaRuntime runtime(JavaChild java, String name) {
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

    private Process start(ProcessBuilder builder, String name, ChildLog log, Launch launch) {
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // a child that reads stdin reads its end, not a wait forever
            return process;
        } catch (IOException e) {
            log.note("could not start: " + e.getMessage());
            log.close();
            if (launch.hubId() != null) {
                hub().forget(launch.hubId());
            }
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

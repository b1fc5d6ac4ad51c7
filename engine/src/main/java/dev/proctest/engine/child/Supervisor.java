package dev.proctest.engine.child;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.Signal;
import dev.proctest.Stop;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.coordination.Coordination;
import dev.proctest.engine.coverage.ChildCoverage;
import dev.proctest.engine.faults.FaultRules;
import dev.proctest.engine.hub.Hub;
import dev.proctest.engine.launch.ClassDataArchives;
import dev.proctest.engine.launch.JavaLaunch;
import dev.proctest.engine.launch.Launcher;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.OutputPipes;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.pool.ChildPool;
import dev.proctest.engine.pool.PooledJvm;
import dev.proctest.engine.pool.StartHold;
import dev.proctest.engine.report.RunTally;
import dev.proctest.engine.stop.Os;
import dev.proctest.engine.stop.Reaper;
import dev.proctest.engine.stop.StartGate;
import dev.proctest.engine.stop.StopMessages;
import dev.proctest.engine.support.Changes;
import dev.proctest.internal.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.zeromq.ZContext;

/**
 * Starts the children of one run and makes sure none outlives it: the hub they connect to, the
 * reaper that kills their process groups if the test JVM dies, and a shutdown hook for a test JVM
 * that exits before the run's end. One per run, created at the first spawn.
 */
@API(status = INTERNAL, since = "0.1")
public final class Supervisor implements AutoCloseable {

    /** How long a starting child keeps the pool from booting at most: the pool must not wait for a child nobody waits for. */
    private static final Duration HOLD_BOUND = Duration.ofSeconds(5);

    private final Configuration configuration;
    private final ChildStopping.Means stopping;
    private final Optional<ChildCoverage> coverage;
    private final ClassDataArchives archives;
    private final Launcher launcher;
    /** The children not yet released. */
    private final Set<RunningChild> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::killAll, "proctest-supervisor-shutdown");
    private Hub hub;
    private volatile ChildPool pool;
    private boolean ending;
    private Optional<Reaper> reaper;

    /** @param sockets the run's ZeroMQ context for test sockets, made on first use: it sends stop messages */
    public Supervisor(Configuration configuration, Supplier<ZContext> sockets) {
        this.configuration = configuration;
        this.stopping = new ChildStopping.Means((message, timeout) -> StopMessages.send(sockets.get(), message, timeout),
                Os.startsProcessGroups(), this::killGroup);
        this.coverage = ChildCoverage.of(configuration.coverage());
        this.archives = new ClassDataArchives(configuration.classData().enabled(), configuration.classData().directory(),
                process -> registerGroup(process.pid()), process -> forgetGroup(process.pid()));
        this.launcher = new Launcher(configuration, coverage, archives);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Where a scope's children start.
     *
     * @param logDirectory where their logs and argument files go
     * @param testLoader the loader of the test's classes, whose class path they get
     * @param changes the scope's, which its children's pass to
     * @param viewScope the scope, as its children's log views know it for their marks
     */
    public record Placement(Path logDirectory, ClassLoader testLoader, Changes changes, ViewScope viewScope, Coordination coordination) {}

    /**
     * Starts the process of a child; does not wait for it to be ready.
     *
     * @param earlier the ended child whose name it takes, whose log it goes on with, or null
     * @param captureAll whether to keep all of its output in memory, as {@code run} returns it
     */
    public RunningChild start(ChildSpec<?> spec, String name, Placement placement, RunningChild earlier, boolean captureAll) {
        Path logDirectory = placement.logDirectory();
        Changes changes = new Changes();
        changes.passTo(placement.changes());
        boolean hubless = !(spec instanceof JavaChild);
        ChildLog log = earlier == null
                ? new ChildLog(name, logDirectory.resolve(name + ".log"), configuration.logsRetained(), hubless, changes)
                : new ChildLog(earlier.log(), configuration.logsRetained(), hubless, changes);
        if (earlier != null) {
            log.note("started again: the log of its earlier run (pid " + earlier.pid() + ") is above");
        }
        ChildCalls calls = new ChildCalls(name, changes);
        ChildStatus status = new ChildStatus(changes, RunTally.of(configuration.reportsDir()));
        ChildConnection connection = null;
        Process process = null;
        boolean prepared = false;
        boolean pooled = false;
        StartHold hold = holdForStart(spec);
        try {
            ProcessBuilder builder;
            if (spec instanceof JavaChild java) {
                JavaLaunch launch = launcher.java(java, name, placement.testLoader());
                Optional<PooledJvm> jvm = pool().take(launch);
                pool().used(launch);
                connection = new ChildConnection(launcher.plan(java, name), log, calls, status, Api.java(java).answers(), hub(),
                        coverage.isPresent(), jvm.map(PooledJvm::id).orElse(null), placement.coordination());
                watchForReadyLine(spec, log, status);
                prepared = true;
                if (jvm.isPresent()) {
                    process = serve(jvm.get(), connection, name, log, logDirectory);
                    pooled = true;
                } else {
                    builder = launcher.child(launch, name, Api.java(java).mainClass(), logDirectory);
                    Launcher.connect(builder, new Launcher.HubAddress(hub().address(), hub().token(), connection.id()));
                    process = Launcher.start(builder, name);
                    log.note("started (pid " + process.pid() + "): " + String.join(" ", builder.command()));
                }
            } else {
                builder = launcher.command((CommandChild) spec, name);
                watchForReadyLine(spec, log, status);
                prepared = true;
                process = Launcher.start(builder, name);
                log.note("started (pid " + process.pid() + "): " + String.join(" ", builder.command()));
            }
        } catch (RuntimeException e) {
            hold.release();
            if (prepared) {
                log.note("could not start: " + e.getMessage());
            }
            if (connection != null) {
                connection.close();
            }
            log.close();
            throw e;
        }
        OutputPipes output = new OutputPipes(log, captureAll);
        output.drain(name, process.getInputStream(), process.getErrorStream());
        long pid = process.pid();
        if (!pooled) { // a pooled JVM was registered when it started
            registerGroup(pid);
        }
        if (!(spec instanceof JavaChild)) {
            StartGate.open(process); // registered: should the test JVM die now, the reaper ends the program's group
        }
        RunningChild child = new RunningChild(name, spec, process, log, calls, status, connection, output,
                new ChildTimeouts(configuration.readyTimeout(), configuration.stopTimeout(), configuration.awaitTimeout(),
                        configuration.reportTail()), stopping, placement.viewScope(), hold,
                FaultRules.of(spec, configuration.faults(), placement.testLoader()));
        live.add(child);
        return child;
    }

    /** Hands a JVM of the pool over to the child it now serves, and returns its process. */
    private static Process serve(PooledJvm jvm, ChildConnection connection, String name, ChildLog log, Path logDirectory) {
        jvm.moveArgFile(logDirectory.resolve(name + ".args"));
        connection.handOver();
        Process process = jvm.process();
        log.note("started from the pool (pid " + process.pid() + ", a JVM started " + jvm.age().toMillis() + " ms before"
                + (jvm.isConnected() ? " and waiting" : ", still starting") + "): " + jvm.commandLine());
        return process;
    }

    /** Forgets a child whose whole tree has been stopped. */
    public void release(RunningChild child) {
        child.startHold().release();
        if (!live.remove(child)) {
            return;
        }
        if (child.connection() != null) {
            child.connection().close();
        }
        forgetGroup(child.pid());
        child.log().close();
    }

    @Override
    public void close() {
        synchronized (this) {
            killAll();
            if (hub != null) {
                hub.close();
            }
        }
        archives.close(); // outside the lock: a build under way registers its JVMs with the reaper, which takes it
        synchronized (this) {
            coverage.ifPresent(ChildCoverage::merge); // every child has ended and written its coverage
            if (reaper != null) {
                reaper.ifPresent(Reaper::close);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook runs or ran
        }
    }

    private void killAll() {
        ChildPool current = pool; // read without the lock: the shutdown hook must not wait for a spawn
        if (current != null) {
            current.close();
        }
        for (RunningChild child : List.copyOf(live)) {
            child.stop(Stop.kill());
            release(child);
        }
    }

    /** For {@code Ready.whenLogged}, also within {@code Ready.all} and {@code any}: tells the status when a record shows a line. */
    private static void watchForReadyLine(ChildSpec<?> spec, ChildLog log, ChildStatus status) {
        List<Pattern> patterns = Api.ready(Api.settings(spec).ready()).patterns();
        if (!patterns.isEmpty()) {
            log.onRecord(record -> {
                for (Pattern pattern : patterns) {
                    if (!status.hasLogged(pattern) && pattern.matcher(record.message()).find()) {
                        status.logged(pattern);
                    }
                }
            });
        }
    }

    /** Has the reaper kill the process group of {@code leader} should the test JVM die, if children start in groups of their own. */
    private void registerGroup(long leader) {
        if (stopping.ownGroup()) {
            reaper().ifPresent(r -> r.register(leader));
        }
    }

    private void forgetGroup(long leader) {
        if (stopping.ownGroup()) {
            reaper().ifPresent(r -> r.forget(leader));
        }
    }

    /** Kills a child's process group at once: through the reaper's shell if there is one, which starts no process. */
    private void killGroup(long leader) {
        Optional<Reaper> current = reaper();
        if (current.isPresent()) {
            current.get().kill(leader);
        } else {
            Os.signalGroup(leader, Signal.KILL);
        }
    }

    /** Keeps the pool from booting in the place of a child that is starting, once the pool exists or a Java child needs it. */
    private StartHold holdForStart(ChildSpec<?> spec) {
        if (pool == null && !(spec instanceof JavaChild)) {
            return StartHold.NONE;
        }
        return pool().childStarting(configuration.readyTimeout().compareTo(HOLD_BOUND) < 0 ? configuration.readyTimeout() : HOLD_BOUND);
    }

    private synchronized ChildPool pool() {
        if (pool == null) {
            pool = new ChildPool(configuration.pool(), new PoolStarter(launcher, this::hub, this::reaper, stopping,
                    configuration.reportsDir().resolve("pool").resolve(String.valueOf(ProcessHandle.current().pid()))));
            if (ending) { // a pool first needed after the last test, by a class's end
                pool.runEnding();
            }
        }
        return pool;
    }

    /** Says that every test has finished: the pool starts no more JVMs. */
    public synchronized void runEnding() {
        ending = true;
        if (pool != null) {
            pool.runEnding();
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

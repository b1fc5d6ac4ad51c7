package dev.proctest.engine.child;

import dev.proctest.engine.hub.Hub;
import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.launch.JavaLaunch;
import dev.proctest.engine.launch.Launcher;
import dev.proctest.engine.pool.ChildPool;
import dev.proctest.engine.pool.PooledJvm;
import dev.proctest.engine.stop.ProcessTree;
import dev.proctest.engine.stop.Reaper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts and ends the JVMs of the run's pool as the supervisor does its children: expected at the
 * run's hub, in a process group of their own registered with the reaper, watching the test JVM, so
 * that a JVM waiting in the pool outlives the test JVM no more than a child does.
 */
final class PoolStarter implements ChildPool.Starter {

    private final Launcher launcher;
    private final Supplier<Hub> hub;
    private final Supplier<Optional<Reaper>> reaper;
    private final ChildStopping.Means stopping;
    private final Path directory;

    /** @param directory where the JVMs' argument files go until a child takes one beside its log */
    PoolStarter(Launcher launcher, Supplier<Hub> hub, Supplier<Optional<Reaper>> reaper, ChildStopping.Means stopping, Path directory) {
        this.launcher = launcher;
        this.hub = hub;
        this.reaper = reaper;
        this.stopping = stopping;
        this.directory = directory;
    }

    @Override
    public ChildPool.Started start(JavaLaunch launch, String poolName, HubMember member) {
        Hub current = hub.get();
        String id = current.expect(member);
        try {
            ProcessBuilder builder = launcher.pooled(launch, poolName, directory);
            Launcher.connect(builder, new Launcher.HubAddress(current.address(), current.token(), id));
            Process process = Launcher.start(builder, poolName);
            if (stopping.ownGroup()) {
                reaper.get().ifPresent(r -> r.register(process.pid()));
            }
            return new ChildPool.Started(id, process, directory.resolve(poolName + ".args"), builder.command());
        } catch (RuntimeException e) {
            current.forget(id);
            throw e;
        }
    }

    @Override
    public void kill(PooledJvm jvm) {
        ProcessTree.killNow(jvm.process().toHandle(), stopping.ownGroup(), stopping.killGroup());
        forget(jvm);
    }

    @Override
    public void forget(PooledJvm jvm) {
        hub.get().forget(jvm.id());
        if (stopping.ownGroup()) {
            reaper.get().ifPresent(r -> r.forget(jvm.process().pid()));
        }
        jvm.deleteArgFile();
    }
}

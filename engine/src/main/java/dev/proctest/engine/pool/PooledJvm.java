package dev.proctest.engine.pool;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.launch.JavaLaunch;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A JVM of the pool: started for a launch before any child needed it, connected to the hub
 * without a plan, waiting for the one child it will serve. Until then the hub knows it by this
 * member, which has no plan.
 */
@API(status = INTERNAL, since = "0.1")
public final class PooledJvm implements HubMember {

    private final JavaLaunch launch;
    private final String name;
    private final ChildPool pool;
    private final long createdNanos = System.nanoTime();
    private volatile String id;
    private volatile Process process;
    private volatile Path startedArgFile;
    private volatile Path argFile;
    private volatile List<String> command = List.of();
    private volatile long connectedNanos;
    /** Whether it counts among the JVMs starting at once; guarded by the pool. */
    boolean booting = true;

    PooledJvm(JavaLaunch launch, String name, ChildPool pool) {
        this.launch = launch;
        this.name = name;
        this.pool = pool;
    }

    /** Its name while it waits, as {@code ps} and its coverage file know it: {@code pool-<n>}. */
    public String name() {
        return name;
    }

    /** The id it connected to the hub with, which stays its id when it serves a child. */
    public String id() {
        return id;
    }

    public Process process() {
        return process;
    }

    public JavaLaunch launch() {
        return launch;
    }

    /** Whether it has connected to the hub, and so waits only for a plan. */
    public boolean isConnected() {
        return connectedNanos != 0;
    }

    /** How long ago it was started. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - createdNanos);
    }

    /**
     * Puts its argument file at {@code target}, beside the log of the child it serves: moved if the
     * JVM has read it, copied if it may still be starting (the copy left is deleted once it has
     * connected). Returns where the file is now: the same place if it cannot be moved.
     */
    public synchronized Path moveArgFile(Path target) {
        Path current = argFile;
        if (current == null) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            if (isConnected()) {
                Files.move(current, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.copy(current, target, StandardCopyOption.REPLACE_EXISTING);
            }
            argFile = target;
            return target;
        } catch (IOException e) {
            return current;
        }
    }

    /** Deletes the argument file it started with, for a JVM that served no child. */
    public synchronized void deleteArgFile() {
        if (startedArgFile != null) {
            delete(startedArgFile);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the build directory
        }
    }

    /** Its command line, naming its argument file where it is now. */
    public String commandLine() {
        String line = String.join(" ", command);
        Path moved = argFile;
        return moved == null ? line : line.replace(startedArgFile.toString(), moved.toString());
    }

    void began(ChildPool.Started start) {
        this.id = start.id();
        this.startedArgFile = start.argFile();
        this.argFile = start.argFile();
        this.command = List.copyOf(start.command());
        this.process = start.process();
    }

    @Override
    public Optional<ChildPlan> plan() {
        return Optional.empty(); // it waits for the child it will serve
    }

    @Override
    public void admitted() {
        synchronized (this) {
            connectedNanos = System.nanoTime(); // the JVM has read its argument file: a copy beside a child's log can go
            if (startedArgFile != null && !startedArgFile.equals(argFile)) {
                delete(startedArgFile);
            }
        }
        pool.connected(this);
    }

    @Override
    public void refused(String reason) {
        pool.refused(this, reason);
    }

    @Override
    public void receive(Message message) {
        // The hub keeps what a JVM without a plan says for the child it will serve.
    }

    @Override
    public void disconnected() {} // the pool learns of a waiting JVM's end from its process

    @Override
    public void tick() {}

    @Override
    public String toString() {
        Process started = process;
        return "pooled JVM " + name + (started == null ? "" : " (pid " + started.pid() + ")");
    }
}

package dev.proctest.engine.pool;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Constants;
import dev.proctest.engine.config.Configuration.PoolSettings;
import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.launch.JavaLaunch;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apiguardian.api.API;

/**
 * Java child JVMs started and connected ahead of need, each to serve one child and never another.
 * A spawn whose launch equals a waiting JVM's takes it and sends it its plan; the pool then starts
 * one for the next spawn of that launch, so it keeps what the run uses and pre-starts nothing
 * blindly. At most {@code size} wait, at most {@code starts} boot at once, children the test is
 * starting counted among them, and a launch whose JVM
 * dies before it connects is started cold from then on, where its failure shows.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildPool implements AutoCloseable {

    private static final Logger LOG = System.getLogger(ChildPool.class.getName());

    /** How a JVM of the pool is started and ended: the supervisor's, who keeps the hub and the reaper. */
    public interface Starter {

        /**
         * Starts a JVM for {@code launch}, known to the hub as {@code member}, registered wherever
         * the run's children are, so that it never outlives the test JVM.
         *
         * @throws RuntimeException if it cannot start
         */
        Started start(JavaLaunch launch, String poolName, HubMember member);

        /** Kills the JVM at once and forgets it wherever it was registered. */
        void kill(PooledJvm jvm);

        /** Forgets a JVM that has ended by itself. */
        void forget(PooledJvm jvm);
    }

    /** A started JVM of the pool: its id at the hub, its process, its argument file and its command line. */
    public record Started(String id, Process process, Path argFile, List<String> command) {}

    /** How the pool did: JVMs taken by spawns, spawns that started cold although pooling, JVMs started. */
    public record Counts(int taken, int cold, int started) {}

    private final int size;
    private final int starts;
    private final Starter starter;
    private final ExecutorService thread;
    /** Started, not taken, alive: booting or connected, oldest first. */
    private final Deque<PooledJvm> waiting = new ArrayDeque<>();
    /** Launches to start a JVM for, once a start is free, and their last uses. */
    private final Wants wanted;
    /** Children starting, whose start the test waits for: each takes a boot slot, see {@link #childStarting}. */
    private int childrenStarting;
    private final Set<JavaLaunch> broken = new HashSet<>();
    private int booting;
    private int numbers;
    private int taken;
    private int cold;
    private int started;
    private boolean ending;
    private boolean closed;

    public ChildPool(PoolSettings settings, Starter starter) {
        this.size = settings.size();
        this.starts = settings.starts();
        this.wanted = new Wants(size);
        this.starter = starter;
        this.thread = size == 0 ? null : Executors.newSingleThreadExecutor(task -> {
            Thread pool = new Thread(task, "proctest-pool");
            pool.setDaemon(true);
            return pool;
        });
    }

    /**
     * Takes a JVM started for {@code launch}, connected if one is, and leaves the pool without it.
     * A JVM found dead is not taken.
     */
    public synchronized Optional<PooledJvm> take(JavaLaunch launch) {
        PooledJvm chosen = null;
        for (PooledJvm jvm : waiting) {
            if (jvm.launch().equals(launch) && jvm.process() != null && jvm.process().isAlive()) {
                if (jvm.isConnected()) {
                    chosen = jvm;
                    break;
                }
                if (chosen == null) {
                    chosen = jvm; // still booting, yet ahead of a cold start
                }
            }
        }
        if (chosen == null) {
            if (size > 0) {
                cold++;
            }
            return Optional.empty();
        }
        waiting.remove(chosen);
        taken++;
        if (chosen.booting) { // its boot is the child's start now: it says HELLO to the child's connection, never to the pool
            chosen.booting = false;
            booting--;
            startWanted();
        }
        LOG.log(Level.DEBUG, "proctest pool: {0} taken, {1}", chosen, chosen.isConnected() ? "connected" : "still starting");
        return Optional.of(chosen);
    }

    /** Says that a child of {@code launch} was spawned, from the pool or not: a JVM is started for the next. */
    public synchronized void used(JavaLaunch launch) {
        if (size == 0 || closed || ending || broken.contains(launch)) {
            return;
        }
        wanted.used(launch, this::isWaiting);
        startWanted();
    }

    /**
     * Says that a child is starting, pooled or cold: until the hold is released (the child is ready,
     * failed or ended; at the latest after {@code bound}) it takes a boot slot, so that the pool
     * boots between the test's own starts, not during them.
     */
    public synchronized StartHold childStarting(Duration bound) {
        if (size == 0) {
            return StartHold.NONE;
        }
        childrenStarting++;
        return StartHold.of(() -> {
            synchronized (this) {
                childrenStarting--;
                startWanted();
            }
        }, bound);
    }

    /** Says that every test has finished: the JVMs waiting may still serve the classes ending, no more are started. */
    public synchronized void runEnding() {
        if (!ending) {
            LOG.log(Level.DEBUG, "proctest pool: every test has finished; no more JVMs start");
        }
        ending = true;
        wanted.clear();
    }

    public synchronized Counts counts() {
        return new Counts(taken, cold, started);
    }

    /** Kills the JVMs that wait, and starts no more. */
    @Override
    public void close() {
        List<PooledJvm> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            wanted.clear();
            left = new ArrayList<>(waiting);
            waiting.clear();
        }
        if (thread != null) {
            thread.shutdown();
        }
        left.stream().filter(jvm -> jvm.process() != null).forEach(starter::kill);
        Counts counts = counts();
        LOG.log(Level.DEBUG, "proctest pool: closed; {0} spawns served, {1} started cold, {2} JVMs started, {3} unused",
                counts.taken(), counts.cold(), counts.started(), left.size());
    }

    synchronized void connected(PooledJvm jvm) {
        LOG.log(Level.DEBUG, "proctest pool: {0} connected {1} ms after its start; its JVM options: {2}", jvm, jvm.age().toMillis(),
                jvm.launch().jvmOptions());
        if (jvm.booting) {
            jvm.booting = false;
            booting--;
            startWanted();
        }
    }

    void refused(PooledJvm jvm, String reason) {
        synchronized (this) {
            broken.add(jvm.launch());
        }
        LOG.log(Level.WARNING, "proctest: the hub refused " + jvm + ": " + reason + "; children started alike start cold");
    }

    /** Whether a JVM of {@code launch} waits; holds the lock. */
    private boolean isWaiting(JavaLaunch launch) {
        return waiting.stream().anyMatch(jvm -> jvm.launch().equals(launch));
    }

    /** Starts JVMs for the launches wanted while starts are free; holds the lock. */
    private void startWanted() {
        while (!wanted.isEmpty() && booting + childrenStarting < starts) {
            JavaLaunch launch = wanted.next();
            if (launch.directory().filter(directory -> !Files.isDirectory(directory)).isPresent()) {
                continue; // a test's temporary directory, gone with its test: no child will start there again
            }
            if (waiting.size() >= size && !makeRoomFor(launch)) {
                continue; // the pool is full of JVMs for this launch already
            }
            PooledJvm jvm = new PooledJvm(launch, "pool-" + ++numbers, this);
            waiting.add(jvm);
            booting++;
            started++;
            LOG.log(Level.DEBUG, "proctest pool: starting {0}", jvm.name());
            thread.execute(() -> begin(jvm));
        }
    }

    /** Kills the waiting JVM of another launch used longest ago; false if all wait for {@code launch}. */
    private boolean makeRoomFor(JavaLaunch launch) {
        PooledJvm oldest = null;
        for (PooledJvm jvm : waiting) {
            if (!jvm.launch().equals(launch) && jvm.process() != null
                    && (oldest == null || wanted.lastUse(jvm.launch()) < wanted.lastUse(oldest.launch()))) {
                oldest = jvm;
            }
        }
        if (oldest == null) {
            return false;
        }
        waiting.remove(oldest);
        PooledJvm evicted = oldest;
        thread.execute(() -> starter.kill(evicted));
        return true;
    }

    private void begin(PooledJvm jvm) {
        Started start;
        try {
            start = starter.start(jvm.launch(), jvm.name(), jvm);
        } catch (RuntimeException e) {
            synchronized (this) {
                waiting.remove(jvm);
                booting--;
                broken.add(jvm.launch());
                startWanted(); // the slot is free for the next launch wanted
            }
            LOG.log(Level.WARNING, "proctest: could not start " + jvm + "; children started alike start cold", e);
            return;
        }
        jvm.began(start);
        LOG.log(Level.DEBUG, "proctest pool: {0} started; its JVM options: {1}", jvm, jvm.launch().jvmOptions());
        boolean kill;
        synchronized (this) {
            kill = closed;
        }
        if (kill) {
            starter.kill(jvm);
            return;
        }
        start.process().onExit().thenRun(() -> ended(jvm));
    }

    /** A JVM of the pool ended: one still waiting is replaced, unless it never connected. */
    private void ended(PooledJvm jvm) {
        boolean wasWaiting;
        synchronized (this) {
            if (jvm.booting) {
                jvm.booting = false;
                booting--;
            }
            wasWaiting = waiting.remove(jvm);
            if (!wasWaiting || closed) {
                startWanted();
                return; // it serves a child, whose owner sees it end, or the pool is closing
            }
            if (jvm.isConnected()) {
                wanted.want(jvm.launch(), this::isWaiting);
            } else {
                broken.add(jvm.launch());
            }
            startWanted();
        }
        starter.forget(jvm);
        LOG.log(Level.WARNING, "proctest: " + jvm + " ended with code " + jvm.process().exitValue() + " while it waited"
                + (jvm.isConnected() ? "; it is replaced" : " to connect; children started alike start cold (set " + Constants.POOL_SIZE
                        + "=0 to start all cold)") + ". It wrote: " + OutputTail.of(jvm.process()));
    }
}

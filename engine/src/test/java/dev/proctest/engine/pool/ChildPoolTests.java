package dev.proctest.engine.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.config.Configuration.PoolSettings;
import dev.proctest.engine.hub.HubMember;
import dev.proctest.engine.launch.JavaLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many JVMs the pool boots at once, with processes that stand in for JVMs that never connect;
 * a JVM counts as started once the pool says so, which it does once the process is its own.
 */
class ChildPoolTests {

    private static final JavaLaunch LAUNCH = new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of(), false, false, Map.of(),
            Optional.empty());

    private static final JavaLaunch FAILING = new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of("-Dfails=yes"), false,
            false, Map.of(), Optional.empty());

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    /** How many JVMs the pool has said it started, once their process is its own; guarded by itself. */
    private final int[] started = new int[1];
    private final Logger log = Logger.getLogger(ChildPool.class.getName());
    /** What the pool warned of, each with its exception. */
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler startedLines = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().equals(Level.WARNING)) {
                warnings.add(record.getMessage() + " | " + record.getThrown());
            }
            if (record.getMessage().contains(" started; ")) {
                synchronized (started) {
                    started[0]++;
                    started.notifyAll();
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listenToThePool() {
        log.setLevel(Level.FINE);
        log.addHandler(startedLines);
    }
    private final List<JavaLaunch> asked = new CopyOnWriteArrayList<>();
    private final List<PooledJvm> jvms = new CopyOnWriteArrayList<>();
    private final ChildPool pool = new ChildPool(new PoolSettings(2, 1), new ChildPool.Starter() {
        @Override
        public ChildPool.Started start(JavaLaunch launch, String poolName, HubMember member) {
            asked.add(launch);
            jvms.add((PooledJvm) member);
            if (launch.equals(FAILING)) {
                throw new IllegalStateException("cannot start " + poolName);
            }
            try {
                Process process = new ProcessBuilder("sleep", "60").start();
                processes.add(process);
                return new ChildPool.Started(poolName, process, Path.of(poolName + ".args"), List.of("sleep", "60"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void kill(PooledJvm jvm) {
            jvm.process().destroyForcibly();
        }

        @Override
        public void forget(PooledJvm jvm) {}
    });

    @AfterEach
    void closeThePool() {
        pool.close();
        processes.forEach(Process::destroyForcibly);
        log.removeHandler(startedLines);
        log.setLevel(null);
    }

    /** A JVM taken before it connected says HELLO to its child's connection, never to the pool: its boot no longer holds the pool's. */
    @Test
    void aJvmTakenWhileStartingLetsTheNextStart() throws InterruptedException {
        pool.used(LAUNCH);
        awaitStarted(1);
        Optional<PooledJvm> taken = pool.take(LAUNCH);
        assertThat(taken).as("a JVM still starting is taken rather than none").isPresent();
        assertThat(taken.get().isConnected()).isFalse();

        pool.used(LAUNCH);
        awaitStarted(2);
    }

    /** A JVM that cannot start frees its boot slot for the next launch wanted, which waited behind it. */
    @Test
    void aFailedStartLetsTheNextLaunchStart() throws InterruptedException {
        pool.used(FAILING);
        pool.used(LAUNCH);
        awaitStarted(1);
        assertThat(asked).containsExactly(FAILING, LAUNCH);
        assertThat(warnings).containsExactly("proctest: could not start pooled JVM pool-1; children started alike start cold"
                + " | java.lang.IllegalStateException: cannot start pool-1");
    }

    /** A launch whose working directory is gone (a test's temporary one) gets no JVM: nothing would start there. */
    @Test
    void aLaunchWhoseDirectoryIsGoneGetsNoJvm(@org.junit.jupiter.api.io.TempDir Path directory) throws InterruptedException {
        JavaLaunch gone = new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of(), false, false, Map.of(),
                Optional.of(directory.resolve("deleted")));
        pool.used(gone);
        pool.used(LAUNCH);
        awaitStarted(1);
        assertThat(asked).containsExactly(LAUNCH);
    }

    /** A child the test is starting takes a boot slot: the pool boots once it is ready, not while the test waits for it. */
    @Test
    void aChildStartingHoldsThePoolsBootsUntilReleased() throws InterruptedException {
        StartHold hold = pool.childStarting(Duration.ofMinutes(1));
        pool.used(LAUNCH);
        assertThat(pool.counts().started()).as("no JVM starts while the child does").isZero();

        hold.release();
        awaitStarted(1);
        hold.release(); // a second release gives back no second slot
        pool.used(LAUNCH);
        assertThat(pool.counts().started()).as("the second waits for the first to connect").isEqualTo(1);
    }

    /** A child nobody waits for to get ready holds the pool for a bounded time only. */
    @Test
    void aHoldEndsByItselfAfterItsBound() throws InterruptedException {
        pool.childStarting(Duration.ofMillis(200));
        pool.used(LAUNCH);
        awaitStarted(1);
    }

    /** Spawns faster than the pool boots leave no backlog: it boots for the latest launches only, as many as can wait. */
    @Test
    void wantsPiledUpWhileThePoolCouldNotBootStartOnlyTheLatestAsManyAsCanWait() throws InterruptedException {
        StartHold hold = pool.childStarting(Duration.ofMinutes(1));
        List<JavaLaunch> launches = IntStream.range(0, 10).mapToObj(i -> new JavaLaunch(Path.of("java"), 17, List.of("classes"),
                List.of("-Dn=" + i), false, false, Map.of(), Optional.empty())).toList();
        launches.forEach(pool::used);

        hold.release();
        awaitStarted(1);
        pool.connected(jvms.get(0));
        awaitStarted(2);
        pool.connected(jvms.get(1));

        assertThat(pool.counts().started()).as("JVMs booted for ten launches wanted while the pool could boot none").isEqualTo(2);
        assertThat(asked).containsExactly(launches.get(8), launches.get(9));
    }

    @Test
    void noMoreBootAtOnceThanTheBoundAllows() throws InterruptedException {
        pool.used(LAUNCH);
        pool.used(LAUNCH);
        awaitStarted(1);
        assertThat(pool.counts().started()).as("the second waits for the first to connect").isEqualTo(1);
    }

    private void awaitStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (started) {
            while (started[0] < count) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("%d JVMs of the pool started", count).isPositive();
                TimeUnit.NANOSECONDS.timedWait(started, left);
            }
        }
    }
}

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How many JVMs the pool boots at once, with processes that stand in for JVMs that never connect. */
class ChildPoolTests {

    private static final JavaLaunch LAUNCH = new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of(), false, false, Map.of(),
            Optional.empty());

    private static final JavaLaunch FAILING = new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of("-Dfails=yes"), false,
            false, Map.of(), Optional.empty());

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<JavaLaunch> asked = new CopyOnWriteArrayList<>();
    private final ChildPool pool = new ChildPool(new PoolSettings(2, 1), new ChildPool.Starter() {
        @Override
        public ChildPool.Started start(JavaLaunch launch, String poolName, HubMember member) {
            asked.add(launch);
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

    @Test
    void noMoreBootAtOnceThanTheBoundAllows() throws InterruptedException {
        pool.used(LAUNCH);
        pool.used(LAUNCH);
        awaitStarted(1);
        assertThat(pool.counts().started()).as("the second waits for the first to connect").isEqualTo(1);
    }

    private void awaitStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processes.size() < count) {
            assertThat(System.nanoTime()).as("%d JVMs of the pool started", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}

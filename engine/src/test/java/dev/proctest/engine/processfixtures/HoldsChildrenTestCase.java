package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Lingering;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Starts a Java child with a worker and an orphaned daemon, a shell with two children, and a
 * shared child of the run; waits
 * until the pool has started a JVM for the next child alike; prints every pid of the tree and the
 * orphan on a line starting with "PIDS"; then holds them until its test JVM is killed.
 */
public class HoldsChildrenTestCase {

    @ProcessTest
    void holdsChildrenAndGrandchildren(Processes processes) throws InterruptedException {
        ChildProcess lingering = processes.spawn(JavaChild.main(Lingering.class).readyWhen(Ready.whenSignalled()));
        processes.spawn(CommandChild.of("sh", "-c", "echo started; sleep 303 & sleep 304 & wait").readyWhen(Ready.whenLogged("started")));
        processes.shared(HeldShared.class); // a child of the run's, which must not outlive the test JVM either
        long orphan = lingering.published("orphan", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.current().descendants().noneMatch(HoldsChildrenTestCase::pooled)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool started no JVM within 30 s");
            }
            Thread.sleep(20); // a look every 20 ms, until the deadline
        }
        Set<Long> pids = new TreeSet<>(ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()));
        pids.add(orphan);
        System.out.println("PIDS " + pids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static boolean pooled(ProcessHandle process) {
        return process.info().arguments().map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.startsWith(
                "-Dproctest.pooled="))).orElse(false);
    }
}

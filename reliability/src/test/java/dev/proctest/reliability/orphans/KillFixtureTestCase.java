package dev.proctest.reliability.orphans;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.reliability.orphans.children.ForkingChild;
import dev.proctest.reliability.orphans.children.HoldingChild;
import dev.proctest.reliability.orphans.children.SigtermIgnoringChild;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The process test whose test JVM the orphan harness kills: starts every kind of child (a Java
 * child, one with grandchildren, one that ignores SIGTERM, a shell with children of its own), goes
 * on to the trial's {@link Moment}, marks each step ({@link Marks}) and holds until it is killed.
 * Run only by the harness, in a test JVM of its own.
 */
public class KillFixtureTestCase {

    /** How long the shell's first child sleeps: the harness knows the shell by it. */
    static final int SHELL_SLEEP = 1003;

    @ProcessTest
    void holdsEveryKindOfChildUntilItsTestJvmIsKilled(Processes processes) throws InterruptedException {
        Moment moment = Moment.valueOf(System.getenv(Marks.MOMENT));
        Marks.reach(Moment.STARTING.mark());
        // The shell first: a program that is no JVM has no watch of its own on the test JVM, so it is the one a kill at its start puts to the test.
        ChildProcess shell = processes.start(CommandChild.of("sh", "-c", "echo started; sleep " + SHELL_SLEEP + " & sleep 1004")
                .readyWhen(Ready.whenLogged("started")));
        ChildProcess holding = processes.start(JavaChild.main(HoldingChild.class).readyWhen(Ready.whenSignalled()));
        ChildProcess forking = processes.start(JavaChild.main(ForkingChild.class).readyWhen(Ready.whenSignalled()));
        ChildProcess stubborn = processes.start(JavaChild.main(SigtermIgnoringChild.class).readyWhen(Ready.whenSignalled()));
        List<ChildProcess> children = List.of(shell, holding, forking, stubborn);
        children.forEach(ChildProcess::awaitReady);
        Marks.reach(Moment.READY.mark());
        switch (moment) {
            case POOLED -> {
                awaitPooledJvm();
                Marks.reach(Moment.POOLED.mark());
            }
            case STOPPING -> {
                Marks.reach(Moment.STOPPING.mark());
                stubborn.stop(); // SIGTERM, the stop timeout (2 s), then SIGKILL
                forking.stop();
                shell.stop();
            }
            case DUMPING -> {
                Marks.reach(Moment.DUMPING.mark());
                holding.stop(); // asks for the coverage first, then stops
                forking.stop();
            }
            default -> {
                // the kill comes while the children run
            }
        }
        Marks.reach("holding");
        new CountDownLatch(1).await();
    }

    /** Waits until the pool has started a JVM for the next Java child alike (the pool starts after the first ones). */
    private static void awaitPooledJvm() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.current().descendants().noneMatch(KillFixtureTestCase::pooled)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the pool started no JVM within 30 s");
            }
            Thread.sleep(20); // a look every 20 ms, until the deadline
        }
    }

    private static boolean pooled(ProcessHandle process) {
        return process.info().arguments()
                .map(arguments -> Arrays.stream(arguments).anyMatch(argument -> argument.startsWith("-Dproctest.pooled="))).orElse(false);
    }
}

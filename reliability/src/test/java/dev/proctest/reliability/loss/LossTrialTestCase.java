package dev.proctest.reliability.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial of {@link LossTests}, run in a test JVM of its own that is slowed down: a child
 * writes numbered records, keeping its own account of them, and ends by each route a child ends
 * by; its log must hold every record of the account, once each, in order. While the child writes
 * its last records the test JVM stops dead for a while (as under a long pause of the collector or
 * of the machine), so that the child ends while its last records are still on their way.
 *
 * <p>Configured by system properties: {@code loss.records}, {@code loss.calls} (how many records
 * the child also counts on a spied {@link Tally}), {@code loss.stall} (how long the test JVM
 * stops, in milliseconds), {@code loss.stalled} (the routes it stops for, such as {@code
 * return,exit}) and {@code loss.seed} (where a SIGKILL cuts the child off).
 */
public class LossTrialTestCase {

    private static final int RECORDS = Integer.getInteger("loss.records", 100_000);
    private static final int CALLS = Integer.getInteger("loss.calls", 10_000);
    private static final Duration STALL = Duration.ofMillis(Long.getLong("loss.stall", 0));
    private static final List<String> STALLED = List.of(System.getProperty("loss.stalled", "").split(","));
    private static final long SEED = Long.getLong("loss.seed", 1);
    private static final Duration GENEROUS = Duration.ofMinutes(2);

    /** How many records before the end the test JVM stops: no more than the channel's buffers take while no one reads. */
    private static final int STALL_BEFORE_END = 2_000;

    @ProcessTest
    void returnsFromMain(Processes processes, @TempDir Path dir) {
        judgeEndingByItself(processes, dir, "jul", "return", "return");
    }

    @ProcessTest
    void printsToStdoutAndReturnsFromMain(Processes processes, @TempDir Path dir) {
        judgeEndingByItself(processes, dir, "stdout", "return", "stdout-return");
    }

    @ProcessTest
    void callsSystemExit(Processes processes, @TempDir Path dir) {
        judgeEndingByItself(processes, dir, "jul", "exit", "exit");
    }

    @ProcessTest
    void diesOfAnUncaughtException(Processes processes, @TempDir Path dir) {
        judgeEndingByItself(processes, dir, "jul", "throw", "throw");
    }

    @ProcessTest
    void isStoppedWithSigterm(Processes processes, @TempDir Path dir) {
        Account account = Account.in(dir);
        ChildProcess child = spawn(processes, account, "jul", "wait", Ready.whenSignalled().within(GENEROUS));
        account.awaitAtLeast(RECORDS, GENEROUS);
        child.stop();
        Verdict.of("sigterm", child, account, RECORDS).withCalls(calls(child), CALLS).report().assertNothingLost();
    }

    /** Cut off at a random point while it writes: every line its account has was on the pipe, and is in the log. */
    @ProcessTest
    void isKilledWithSigkillAtARandomPoint(Processes processes, @TempDir Path dir) {
        Account account = Account.in(dir);
        ChildProcess child = spawn(processes, account, "stdout", "wait", Ready.whenSignalled().within(GENEROUS));
        int cut = 1 + new Random(SEED).nextInt(RECORDS);
        account.awaitAtLeast(cut, GENEROUS);
                child.kill();
        child.awaitExit(GENEROUS); // and its log complete
        Verdict.of("sigkill", child, account, -1).report().assertNothingLost();
    }

    /** Spawns a child that writes through {@code path} and ends by {@code route}, and judges its log and calls as {@code trial}. */
    private static void judgeEndingByItself(Processes processes, Path dir, String path, String route, String trial) {
        Account account = Account.in(dir);
        ChildProcess child = endsByItself(processes, account, path, route, trial);
        Verdict.of(trial, child, account, RECORDS).withCalls(calls(child), CALLS).report().assertNothingLost();
    }

    private static ChildProcess endsByItself(Processes processes, Account account, String path, String route, String trial) {
        ChildProcess child = spawn(processes, account, path, route, Ready.whenLogged("^record 1$").within(GENEROUS));
        if (STALLED.contains(trial)) {
            account.awaitAtLeast(RECORDS - STALL_BEFORE_END, GENEROUS);
            Stall.thisJvm(STALL);
        }
        child.awaitExit(GENEROUS); // returns once its log is complete
        return child;
    }

    private static ChildProcess spawn(Processes processes, Account account, String path, String route, Ready ready) {
        return processes.spawn(JavaChild.main(Ledger.class).args(String.valueOf(RECORDS), path, route, account.file().toString(),
                String.valueOf(CALLS)).spy(Tally.class).name("ledger").readyWhen(ready));
    }

    private static List<RecordedCall> calls(ChildProcess child) {
        return child.calls().calls(Tally.class).stream().filter(call -> call.method().equals("count")).toList();
    }

}

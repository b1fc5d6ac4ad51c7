package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the pool does for spawns, seen from a test: each test uses a launch of its own (a JVM
 * option naming it), so that what waits for one test is not taken by another. Run with {@link
 * PoolTailTestCase} after it, so that a test is always left unfinished and the pool keeps refilling.
 */
public class PoolTestCase {

    @ProcessTest
    void aJvmOfThePoolServesOneChildOnlyWhichItIsNamedAfter(Processes processes) throws Exception {
        String option = "-Dpool.test=one";
        Set<Long> pids = new HashSet<>();
        pids.add(processes.spawn(spec(option).name("p0")).pid()); // the launch's first spawn starts cold; the pool learns it
        for (int i = 1; i <= 4; i++) {
            long waiting = PoolEvents.awaitWaiting(option);
            ChildProcess child = processes.spawn(spec(option).name("p" + i));

            assertThat(child.pid()).as("the JVM that waited").isEqualTo(waiting);
            assertThat(pids.add(child.pid())).as("a JVM that served no child before").isTrue();
            assertThat(Files.readString(child.logFile())).contains("started from the pool (pid " + waiting);
            assertThat(child.run(() -> System.getProperty("proctest.child"))).isEqualTo("p" + i);
            assertThat(Files.readString(Path.of("/proc", String.valueOf(waiting), "comm")).strip()).isEqualTo("p" + i);
            assertThat(Files.exists(child.logFile().resolveSibling("p" + i + ".args"))).as("its argument file beside its log").isTrue();
            child.stop();
            assertThat(ProcessHandle.of(waiting).map(ProcessHandle::isAlive).orElse(false)).as("the JVM ends with its child").isFalse();
        }
    }

    /** A waiting JVM prepares only what no plan decides: the default zone comes from the plan's user.timezone. */
    @ProcessTest
    void thePlanStillDecidesWhatAWaitingJvmPrepared(Processes processes) throws Exception {
        String option = "-Dpool.test=five";
        processes.spawn(spec(option));
        long waiting = PoolEvents.awaitWaiting(option);

        ChildProcess child = processes.spawn(spec(option).systemProperty("user.timezone", "Pacific/Chatham"));

        assertThat(child.pid()).isEqualTo(waiting);
        assertThat(child.run(() -> ZoneId.systemDefault().getId())).isEqualTo("Pacific/Chatham");
        assertThat(child.run(() -> System.getProperty("user.timezone"))).isEqualTo("Pacific/Chatham");
    }

    @ProcessTest
    void aSpecThatStartsItsJvmOtherwiseStartsCold(Processes processes, @org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        String option = "-Dpool.test=two";
        processes.spawn(spec(option));
        long waiting = PoolEvents.awaitWaiting(option);

        ChildProcess otherOption = processes.spawn(spec(option).jvmArgs("-Dmore=1"));
        ChildProcess otherEnvironment = processes.spawn(spec(option).env("POOL_TEST", "1"));
        ChildProcess otherDirectory = processes.spawn(spec(option).workingDirectory(directory));
        ChildProcess alike = processes.spawn(spec(option));

        for (ChildProcess cold : new ChildProcess[] {otherOption, otherEnvironment, otherDirectory}) {
            assertThat(cold.pid()).isNotEqualTo(waiting);
            assertThat(Files.readString(cold.logFile())).contains("proctest started (pid " + cold.pid() + ")").doesNotContain("from the pool");
        }
        assertThat(alike.pid()).as("a spec that starts alike still takes the JVM that waited").isEqualTo(waiting);
    }

    @ProcessTest
    void aJvmThatEndedWhileItWaitedIsReplacedAndNeverHandedOut(Processes processes) throws Exception {
        String option = "-Dpool.test=three";
        processes.spawn(spec(option));
        long ended = PoolEvents.awaitWaiting(option);

        ProcessHandle doomed = ProcessHandle.of(ended).orElseThrow();
        doomed.destroyForcibly();
        doomed.onExit().get(10, TimeUnit.SECONDS);
        PoolEvents.awaitSaid("(pid " + ended + ") ended with code 137 while it waited; it is replaced");
        long replacement = PoolEvents.awaitWaiting(option);
        ChildProcess child = processes.spawn(spec(option));

        assertThat(replacement).isNotEqualTo(ended);
        assertThat(child.pid()).isEqualTo(replacement);
        assertThat(child.isAlive()).isTrue();
    }

    @ProcessTest
    void aLaunchWhoseJvmCannotStartFailsColdSayingWhyAndIsNotPooled(Processes processes) throws Exception {
        JavaChild broken = spec("-Dpool.test=four").jvmArgs("-XX:+NoSuchOptionAnywhere");
        assertThatThrownBy(() -> processes.spawn(broken)).isInstanceOf(ChildProcessException.class);
        PoolEvents.awaitSaid("children started alike start cold");

        assertThatThrownBy(() -> processes.spawn(broken)).isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("NoSuchOptionAnywhere").hasMessageNotContaining("pooled").hasMessageNotContaining("pool-");
    }

    private static JavaChild spec(String option) {
        return JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled().within(Duration.ofSeconds(20))).jvmArgs(option);
    }
}

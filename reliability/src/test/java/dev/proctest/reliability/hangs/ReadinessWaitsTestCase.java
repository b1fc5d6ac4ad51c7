package dev.proctest.reliability.hangs;

import static dev.proctest.reliability.hangs.Deadline.D;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.reliability.hangs.children.Idle;
import dev.proctest.reliability.hangs.children.NeverReady;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** Readiness and runs end by their deadlines against a child that never gets ready and never exits. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public class ReadinessWaitsTestCase {

    @ProcessTest
    void spawnFailsByItsReadinessDeadline(Processes processes) {
        Deadline.of("spawn, Ready.whenLogged(..).within(D)", "never ready", D).fails(ChildProcessException.class, () ->
                processes.spawn(JavaChild.main(NeverReady.class).readyWhen(Ready.whenLogged("^ready$").within(D))));
    }

    @ProcessTest
    void awaitReadyFailsByItsDeadline(Processes processes) {
        ChildProcess child = processes.start(JavaChild.main(NeverReady.class).readyWhen(Ready.whenSignalled().within(Deadline.SETUP)));
        Deadline.of("awaitReady(D)", "never ready", D).fails(ChildProcessException.class, () -> child.awaitReady(D));
    }

    @ProcessTest
    void spawnAllFailsByTheDeadlineOfTheOneNeverReady(Processes processes) {
        Deadline.of("spawnAll, Ready.listening(..).within(D)", "never ready", D).fails(ChildProcessException.class, () ->
                processes.spawnAll(JavaChild.main(Idle.class).readyWhen(Ready.whenSignalled().within(D)),
                        JavaChild.main(NeverReady.class).readyWhen(Ready.listening(processes.endpoint("never")).within(D))));
    }

    @ProcessTest
    void runFailsByItsDeadline(Processes processes) {
        Deadline.of("Processes.run(spec, D)", "never exits", D).fails(ChildProcessException.class, () ->
                processes.run(JavaChild.main(NeverReady.class), D));
    }
}

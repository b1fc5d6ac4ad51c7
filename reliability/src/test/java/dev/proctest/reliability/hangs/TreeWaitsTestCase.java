package dev.proctest.reliability.hangs;

import static dev.proctest.reliability.hangs.Deadline.D;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.reliability.hangs.children.ForksGrandchildren;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/** A stop and a run end by their deadlines against a child with a hundred grandchildren, and a shell that leaves one behind. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public class TreeWaitsTestCase {

    @ProcessTest
    void stopEndsAChildAndItsHundredGrandchildrenByItsDeadline(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(JavaChild.main(ForksGrandchildren.class).readyWhen(Ready.whenSignalled().within(Deadline.SETUP))
                .stopWith(Stop.gracefully().within(D)));
        List<Long> grandchildren = child.run(() -> ProcessHandle.current().children().map(ProcessHandle::pid).toList());
        assertThat(grandchildren).hasSize(ForksGrandchildren.COUNT);
        Deadline.of("stop, Stop.gracefully().within(D)", "forks 100 grandchildren", D).ends(false, child::stop);
        assertThat(grandchildren.stream().map(ProcessHandle::of).filter(handle -> handle.map(ProcessHandle::isAlive).orElse(false)))
                .as("grandchildren alive after stop returned").isEmpty();
    }

    @ProcessTest
    void runReturnsOnceAShellExitsLeavingAGrandchild(Processes processes) throws Exception {
        int code = Deadline.of("Processes.run(spec, D)", "shell exits leaving a grandchild", D).returns(false, () ->
                processes.run(CommandChild.of("sh", "-c", "sleep 600 & exit 4"), D).exitCode());
        assertThat(code).isEqualTo(4);
    }
}

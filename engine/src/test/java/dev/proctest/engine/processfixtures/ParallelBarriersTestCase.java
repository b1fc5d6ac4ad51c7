package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Coordinated;

/** Two tests, run at once, with barriers and mailboxes of the same names: each test's are its own. Run by CoordinationTests. */
public class ParallelBarriersTestCase {

    @ProcessTest
    void first(Processes processes) {
        passAndTake(processes);
    }

    @ProcessTest
    void second(Processes processes) {
        passAndTake(processes);
    }

    private static void passAndTake(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Coordinated.class).name("a").args("arrive", "go")
                .readyWhen(Ready.whenSignalled()));
        child.logs().await("arriving at go");
        processes.barrier("go", child);
        child.logs().await("passed go");
        processes.mailbox("k", String.class).put("mine " + child.pid());
        assertThat(processes.mailbox("k", String.class).take()).isEqualTo("mine " + child.pid());
    }
}

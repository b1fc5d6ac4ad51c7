package dev.proctest.engine.processfixtures;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Covered;
import java.time.Duration;

/** Eight children writing coverage at once, from tests running in parallel. */
public class ParallelCoverageTestCase {

    private static void spawn(Processes processes, int n) {
        processes.spawn(JavaChild.main(Covered.class).name("parallel" + n).args(String.valueOf(n))
                .readyWhen(Ready.whenSignalled().within(Duration.ofSeconds(60)))); // eight JVMs start at once on a small machine
    }

    @ProcessTest
    void child0(Processes processes) {
        spawn(processes, 0);
    }

    @ProcessTest
    void child1(Processes processes) {
        spawn(processes, 1);
    }

    @ProcessTest
    void child2(Processes processes) {
        spawn(processes, 2);
    }

    @ProcessTest
    void child3(Processes processes) {
        spawn(processes, 3);
    }

    @ProcessTest
    void child4(Processes processes) {
        spawn(processes, 4);
    }

    @ProcessTest
    void child5(Processes processes) {
        spawn(processes, 5);
    }

    @ProcessTest
    void child6(Processes processes) {
        spawn(processes, 6);
    }

    @ProcessTest
    void child7(Processes processes) {
        spawn(processes, 7);
    }
}

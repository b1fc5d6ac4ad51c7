package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ExitsEarly;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/** A child of the class scope that exits while the class's tests run. */
public class ClassScopeExitTestCase {

    private static ChildProcess shared;

    @BeforeAll
    static void startShared(Processes processes) {
        shared = processes.spawn(JavaChild.main(ExitsEarly.class).name("shared").readyWhen(Ready.whenLogged("giving up")));
    }

    @ProcessTest
    void runsWhileTheSharedChildExits() {
        // Wait for the exit behind proctest's back: awaitExit would tell proctest the exit is expected.
        ProcessHandle.of(shared.pid()).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }
}

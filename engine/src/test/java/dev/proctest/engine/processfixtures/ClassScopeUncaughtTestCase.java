package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.engine.children.ThrowsOnWorker;
import dev.proctest.wire.WireRecord;
import org.junit.jupiter.api.BeforeAll;

/** A child of the class scope whose worker throws before any test runs. */
public class ClassScopeUncaughtTestCase {

    private static ChildProcess shared;

    @BeforeAll
    static void startShared(Processes processes) {
        shared = processes.spawn(JavaChild.main(ThrowsOnWorker.class).name("shared"));
        Records.awaitQuietly(shared.logs(), WireRecord.UNCAUGHT);
    }

    @ProcessTest
    void oneTest() {
        // no call into proctest: the end of the first test to end reports the class's child
    }

    @ProcessTest
    void anotherTest() {
        // the same: whichever ends second passes
    }
}

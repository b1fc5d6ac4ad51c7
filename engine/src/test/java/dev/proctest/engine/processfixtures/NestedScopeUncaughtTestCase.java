package dev.proctest.engine.processfixtures;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.engine.children.ThrowsOnWorker;
import dev.proctest.wire.WireRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** A child of the enclosing class whose worker throws before the only test, a nested class's, runs. */
public class NestedScopeUncaughtTestCase {

    @BeforeAll
    static void startShared(Processes processes) {
        Records.awaitQuietly(processes.spawn(JavaChild.main(ThrowsOnWorker.class).name("shared")).logs(), WireRecord.UNCAUGHT);
    }

    @Nested
    public class Inner {

        @ProcessTest
        void onlyTest() {
            // no call into proctest: the end of the test reports the enclosing class's child
        }
    }
}

package dev.proctest.engine.nestedfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;

/** A nested class that is disabled, beside a test that runs. */
public class NestedDisabledTestCase {

    @ProcessTest
    void runs() {
        CallLog.record("runs");
    }

    @Nested
    @Disabled("the broker is not ready for this")
    public class Off {

        @BeforeAll
        static void neverRuns() {
            CallLog.record("disabled @BeforeAll");
        }

        @ProcessTest
        void skipped() {
            CallLog.record("skipped");
        }
    }
}

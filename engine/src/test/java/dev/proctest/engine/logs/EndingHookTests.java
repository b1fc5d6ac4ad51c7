package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.PrintsWhileEndingTestCase;
import org.junit.jupiter.api.RepeatedTest;

/** What a child's own shutdown hook prints while the runtime ends is in its log once: never lost, never doubled. */
class EndingHookTests {

    @RepeatedTest(2) // the bursts cross the runtime's end at different moments: the doubling was a race
    void linesPrintedWhileTheRuntimeEndsAreInTheLogOnce() {
        Outcomes.assertAllPassed(execute(selectClass(PrintsWhileEndingTestCase.class)), 1);
    }
}

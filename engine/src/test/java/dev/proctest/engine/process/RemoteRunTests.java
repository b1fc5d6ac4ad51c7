package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.ChannelLimitTestCase;
import dev.proctest.engine.processfixtures.RemoteRunTestCase;
import org.junit.jupiter.api.Test;

/** child.run(lambda) runs the lambda in the child JVM and brings back its value or its exception. */
class RemoteRunTests {

    @Test
    void lambdasRunInsideTheChild() {
        Outcomes.assertAllPassed(execute(selectClass(RemoteRunTestCase.class)), 8);
    }

    @Test
    void whatIsTooLargeForTheChannelIsRefusedSayingSoAndTheChildGoesOn() {
        Outcomes.assertAllPassed(execute(selectClass(ChannelLimitTestCase.class)), 2);
    }
}

package routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.SystemTest;
import dev.proctest.UnitTest;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestEngine;

class LevelsTests {

    @UnitTest
    void unitPasses() {}

    @UnitTest
    void unitFails() {
        fail("unit failure on purpose");
    }

    @Test
    void untaggedPasses() {}

    @ProcessTest
    void processPasses(ProcessTestInfo info) {
        assertEquals(Set.of("process"), info.tags());
    }

    @ProcessTest
    void processFails() {
        fail("process failure on purpose");
    }

    @Disabled("skipped on purpose")
    @ProcessTest
    void processDisabled() {}

    @SystemTest
    void systemPasses(ProcessTestInfo info) {
        assertEquals(Set.of("system"), info.tags());
    }

    @SystemTest
    void systemFails() {
        fail("system failure on purpose");
    }

    /** The platform the build resolved is the one the build asked for: 5.14.x means Platform 1.14.x. */
    @SystemTest
    void runsOnTheRequestedJUnitPlatform() {
        String junit = System.getProperty("expected.junit.version");
        String platform = junit.startsWith("5.") ? "1." + junit.substring(2) : junit;
        assertEquals(platform, TestEngine.class.getPackage().getImplementationVersion());
    }
}

package dev.proctest.engine.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.Constants;
import dev.proctest.Processes;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.children.Covered;
import dev.proctest.engine.coverage.CoverageData;
import dev.proctest.engine.processfixtures.OtherJdkTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Children on another JDK than the test JVM's (on 17 a child on 25, on 25 a child on 17) start,
 * log, are mocked, run on child time and are covered, whether the JDK is chosen for every child
 * ({@code proctest.child.java}) or per spec ({@code JavaChild.java}).
 */
class OtherJdkTests {

    private static OtherJdk other;

    @TempDir
    Path directory;

    @BeforeAll
    static void findTheOtherJdk() {
        Optional<OtherJdk> found = OtherJdk.find();
        if (found.isEmpty() && System.getenv(OtherJdk.REQUIRED) != null) {
            fail("No JDK of Java 17 or newer other than the test JVM's Java " + Runtime.version().feature() + " under /usr/lib/jvm, and "
                    + OtherJdk.REQUIRED + " is set: set proctest.test.otherJava to one");
        }
        assumeTrue(found.isPresent(), "no JDK other than the test JVM's under /usr/lib/jvm: set proctest.test.otherJava to run these");
        other = found.get();
        System.setProperty("proctest.test.otherJdkHome", other.home().toString());
        System.setProperty("proctest.test.otherFeature", String.valueOf(other.feature()));
    }

    @AfterAll
    static void forgetIt() {
        System.clearProperty("proctest.test.otherJdkHome");
        System.clearProperty("proctest.test.otherFeature");
    }

    @Test
    void aChildOnAnotherJdkStartsLogsIsMockedRunsOnChildTimeAndIsCovered() throws IOException {
        Path destfile = directory.resolve("jacoco.exec");
        Outcomes.assertAllPassed(fixture("aChildOnTheOtherJdkLogsIsMockedRunsOnChildTimeAndIsCovered")
                .configurationParameter(Constants.COVERAGE, "on")
                .configurationParameter(Constants.COVERAGE_AGENT, CoverageData.AGENT.toString())
                .configurationParameter(Constants.COVERAGE_DESTFILE, destfile.toString())
                .execute(), 1);

        assertThat(CoverageData.methodsOf(destfile, Covered.class).get("otherJdk").getInstructionCounter().getCoveredCount())
                .as("Covered.otherJdk, run only by the child on Java %d", other.feature()).isPositive();
    }

    @Test
    void proctestChildJavaPutsEveryChildOnThatJdk() {
        EngineExecutionResults results = fixture("theConfiguredJdkRunsEveryChild")
                .configurationParameter(Constants.CHILD_JAVA, other.home().resolve("bin").resolve("java").toString())
                .execute();
        Outcomes.assertAllPassed(results, 1);
    }

    @Test
    void oneTestsChildrenRunOnTwoJdksDuringAnUpgrade() {
        Outcomes.assertAllPassed(fixture("childrenOfOneTestRunOnTwoJdks").execute(), 1);
    }

    private static EngineTestKit.Builder fixture(String method) {
        return ProcTestKit.engine(selectMethod(OtherJdkTestCase.class, method, Processes.class.getName()));
    }
}

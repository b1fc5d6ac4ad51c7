package dev.proctest.samples.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.SystemTest;
import dev.proctest.UnitTest;
import java.util.Set;
import org.junit.jupiter.api.TestReporter;

/**
 * The three levels of tests side by side in one class. Each level is an annotation that brings its
 * tag, and the build routes tests by tag: {@code unit} to Surefire in the test phase, {@code
 * process} and {@code system} to Failsafe in the integration-test phase (see this module's pom).
 */
class TestLevelsTests {

    /** A unit test is a plain Jupiter test: it runs in the test JVM, with mocks where needed. */
    @UnitTest
    void unit_tests_run_on_jupiter() {
        assertTrue(calledBy("org.junit.jupiter.engine"), "a @UnitTest is run by the Jupiter engine");
    }

    /** A process test starts one process of the system for real and mimics its peers. */
    @ProcessTest
    void process_tests_run_on_proctest(ProcessTestInfo info, TestReporter reporter) {
        assertTrue(calledBy("dev.proctest.engine"), "a @ProcessTest is run by the proctest engine");
        assertEquals(Set.of("process"), info.tags());
        reporter.publishEntry("level", "process");
    }

    /** A system test runs the whole program as its users do and checks what it produces. */
    @SystemTest
    void system_tests_run_on_proctest(ProcessTestInfo info) {
        assertTrue(calledBy("dev.proctest.engine"), "a @SystemTest is run by the proctest engine");
        assertEquals(Set.of("system"), info.tags());
    }

    private static boolean calledBy(String packagePrefix) {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith(packagePrefix)));
    }
}

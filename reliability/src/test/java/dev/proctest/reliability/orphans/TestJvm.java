package dev.proctest.reliability.orphans;

import dev.proctest.engine.launch.ClassPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A way to start the test JVM that runs {@link KillFixtureTestCase}, as a build tool does: the
 * Console Launcher, or a Surefire fork under Maven. The process started may be the test JVM itself
 * or the tool that forks it; the test JVM tells its pid in its marks, and that is the one killed.
 */
interface TestJvm {

    /** How the test JVM is started, for the figures: "console launcher" or "surefire fork". */
    String name();

    /**
     * Starts the test JVM, or the tool that forks it, with the trial's environment (which only the
     * test JVM and its descendants may have), working and writing its output in {@code directory}.
     *
     * @param coverage whether the test JVM runs with the JaCoCo agent, which its Java children then get too
     */
    Process start(Path directory, Map<String, String> environment, boolean coverage) throws IOException;

    /** The class path the fixture runs with: the harness's own. */
    static List<String> fixtureClassPath() {
        return ClassPath.of(TestJvm.class.getClassLoader());
    }

    /**
     * The system properties the test JVM in {@code directory} runs with: a 2 s stop timeout, so that
     * a stubborn child's stop is a moment a kill can hit, and the class data archives of the whole
     * run in one place, as a build's test JVMs share theirs in {@code target}.
     */
    static List<String> properties(Path directory) {
        return List.of("-Dproctest.stop.timeout=2s", "-Dproctest.cds.dir=" + directory.resolveSibling("cds"));
    }

    /**
     * The {@code -javaagent} option that gives the test JVM coverage, written into {@code
     * directory}, of the suite's classes only: children get the same, and instrumenting everything
     * costs each JVM seconds on a loaded machine.
     */
    static String coverageAgent(Path directory) {
        return "-javaagent:" + BuildSetting.JACOCO_AGENT.path() + "=destfile=" + directory.resolve("jacoco.exec")
                + ",includes=dev.proctest.reliability.*";
    }

    /** The {@code java} of the JDK that runs the harness. */
    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}

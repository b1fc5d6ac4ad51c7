package dev.proctest.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.proctest.Constants;
import dev.proctest.Processes;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.children.Covered;
import dev.proctest.engine.processfixtures.CoverageTestCase;
import dev.proctest.engine.processfixtures.ParallelCoverageTestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Children get the JaCoCo agent, and their coverage reaches the run's execution data, however they
 * end; read back with jacoco-core, as {@code jacoco:report} reads it. {@link Covered} runs only in
 * children, so every line of it found covered was covered in one.
 */
class CoverageTests {

    @TempDir
    Path directory;

    @Test
    void childrenCoverageIsMergedHoweverTheyEnd() throws IOException {
        Path destfile = directory.resolve("jacoco.exec");
        System.setProperty("proctest.test.coverageDir", directory.resolve("proctest-coverage").toString());
        try {
            Outcomes.assertAllPassed(run(CoverageTestCase.class, destfile, "false"), 6);
        } finally {
            System.clearProperty("proctest.test.coverageDir");
        }

        Map<String, IMethodCoverage> methods = coverageOf(destfile);
        assertThat(methods).hasEntrySatisfying("neverCalled", method -> assertThat(method.getInstructionCounter().getCoveredCount())
                .as("a method no child ran").isZero());
        for (String ranInAChild : new String[] {"main", "returns", "exits", "stopped", "killed", "neverReady", "killedFromOutside"}) {
            assertThat(methods.get(ranInAChild).getInstructionCounter().getCoveredCount()).as(ranInAChild).isPositive();
        }
        assertThat(directory.resolve("proctest-coverage")).as("the children's own files, merged and gone").isEmptyDirectory();
        ExecFileLoader merged = new ExecFileLoader();
        merged.load(destfile.toFile());
        assertThat(merged.getSessionInfoStore().getInfos()).extracting(SessionInfo::getId).as("sessions named after the children,"
                + " pooled or not").contains("returns", "exits", "stopped", "killed", "never-ready", "killed-from-outside");
    }

    @Test
    void eightChildrenWritingAtOnceAllReachTheData() throws IOException {
        Path destfile = directory.resolve("jacoco.exec");
        Outcomes.assertAllPassed(run(ParallelCoverageTestCase.class, destfile, "true"), 8);

        Map<String, IMethodCoverage> methods = coverageOf(destfile);
        for (int n = 0; n < 8; n++) {
            assertThat(methods.get("p" + n).getInstructionCounter().getCoveredCount()).as("p%d", n).isPositive();
        }
    }

    @Test
    void coverageOnWithoutAnAgentFailsTheSpawnSayingWhatToSet() {
        EngineExecutionResults results = ProcTestKit.engine(selectMethod(CoverageTestCase.class, "returns", Processes.class.getName()))
                .configurationParameter(Constants.COVERAGE, "on")
                .execute();

        assertThat(Outcomes.failureOf(results, "returns")).hasMessage("proctest.coverage is on, but the test JVM runs without"
                + " the JaCoCo agent: set proctest.coverage.agent to the agent jar (org.jacoco.agent-<version>-runtime.jar), or run the"
                + " tests with jacoco-maven-plugin's prepare-agent");
    }

    private static EngineExecutionResults run(Class<?> fixture, Path destfile, String parallel) {
        return ProcTestKit.engine(selectClass(fixture))
                .configurationParameter(Constants.COVERAGE, "on")
                .configurationParameter(Constants.COVERAGE_AGENT, CoverageData.AGENT.toString())
                .configurationParameter(Constants.COVERAGE_DESTFILE, destfile.toString())
                .configurationParameter(Constants.COVERAGE_INTERVAL, "200ms")
                .configurationParameter(Constants.PARALLEL_ENABLED, parallel)
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "strategy", "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "8")
                .execute();
    }

    private static Map<String, IMethodCoverage> coverageOf(Path destfile) throws IOException {
        return CoverageData.methodsOf(destfile, Covered.class);
    }
}

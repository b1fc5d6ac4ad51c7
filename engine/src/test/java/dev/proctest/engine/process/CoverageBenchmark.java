package dev.proctest.engine.process;

import dev.proctest.Constants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measures what coverage adds to a child's start: spawn to ready without coverage, with it and
 * proctest's runtime left out (the default), and with every class instrumented. Not a test: run it
 * with {@code mvn -B -pl engine -Pbench process-test-classes exec:exec@coverage-benchmark}; figures
 * go to docs/performance.md.
 */
public final class CoverageBenchmark {

    private CoverageBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path destfile = Files.createTempDirectory("proctest-coverage-benchmark").resolve("jacoco.exec");
        String agent = System.getProperty("agent");
        Map<String, String> on = Map.of(Constants.COVERAGE, "on", Constants.COVERAGE_AGENT, agent, Constants.COVERAGE_DESTFILE,
                destfile.toString());
        for (int round = 1; round <= 2; round++) {
            CoverageBenchmarkTestCase.label = "coverage off";
            Benchmarks.run(CoverageBenchmarkTestCase.class, Map.of(Constants.COVERAGE, "off"));
            CoverageBenchmarkTestCase.label = "coverage on (proctest's runtime left out)";
            Benchmarks.run(CoverageBenchmarkTestCase.class, on);
            CoverageBenchmarkTestCase.label = "coverage on, every class instrumented";
            Benchmarks.run(CoverageBenchmarkTestCase.class, Map.of(Constants.COVERAGE, "on", Constants.COVERAGE_AGENT, agent,
                    Constants.COVERAGE_DESTFILE, destfile.toString(), Constants.COVERAGE_EXCLUDES, ""));
        }
    }
}

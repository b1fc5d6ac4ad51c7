package dev.proctest.engine.process;

/**
 * Measures how late log records reach the test while a child logs from many threads at once, for
 * each capture path. Not a test: run it with {@code mvn -B -pl extension,engine -Pbench test
 * -DskipTests}; figures go to docs/performance.md.
 */
public final class LogLatencyBenchmark {

    private LogLatencyBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(LogLatencyBenchmarkTestCase.class);
    }
}

package dev.proctest.engine.process;

/**
 * Measures how many log records per second travel from a child to the test JVM, beside JeroMQ's
 * own ceiling. Not a test: run it with {@code mvn -B -pl extension,engine -Pbench test
 * -DskipTests}; figures go to docs/performance.md.
 */
public final class LogBenchmark {

    private LogBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(LogBenchmarkTestCase.class);
    }
}

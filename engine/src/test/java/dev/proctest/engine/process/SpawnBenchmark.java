package dev.proctest.engine.process;

/**
 * Measures how long a child takes to start, beside a bare JVM on the same class path, in one run.
 * Not a test: run it with {@code mvn -B -pl extension,engine -Pbench test -DskipTests}; figures
 * go to docs/performance.md.
 */
public final class SpawnBenchmark {

    private SpawnBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(SpawnBenchmarkTestCase.class);
    }
}

package dev.proctest.engine.process;

/**
 * Measures child time: how many seconds of child time pass per real second at several factors,
 * how far a 10 s hysteresis overshoots in child time, and what a time factor adds to a spawn.
 * Not a test: run it with {@code mvn -B -pl engine -Pbench process-test-classes
 * exec:exec@time-benchmark}; figures go to docs/performance.md.
 */
public final class TimeBenchmark {

    private TimeBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(TimeBenchmarkTestCase.class);
    }
}

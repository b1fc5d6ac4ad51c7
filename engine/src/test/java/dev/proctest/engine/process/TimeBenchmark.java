package dev.proctest.engine.process;

/**
 * Measures child time: how many seconds of child time pass per real second at several factors,
 * how far a 10 s hysteresis overshoots in child time, and what a time factor adds to a spawn;
 * then what a virtual clock costs ({@link VirtualTimeBenchmarkTestCase}), alone with the argument
 * {@code virtual}. Not a test: run it with {@code mvn -B -pl engine -Pbench process-test-classes
 * exec:exec@time-benchmark}; figures go to docs/performance.md.
 */
public final class TimeBenchmark {

    private TimeBenchmark() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("virtual")) {
            Benchmarks.run(TimeBenchmarkTestCase.class);
        }
        Benchmarks.run(VirtualTimeBenchmarkTestCase.class);
    }
}

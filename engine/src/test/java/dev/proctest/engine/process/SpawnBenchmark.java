package dev.proctest.engine.process;

import dev.proctest.Constants;
import java.util.Map;

/**
 * Measures how long a child takes to start, beside a bare JVM on the same class path, in one run:
 * cold (the pool off), then served by the pool, and twenty short children in a row beside the
 * same loop written by hand. With the argument {@code pooled}, only the pool's measurements.
 * Not a test: run it with {@code mvn -B -pl extension,engine -Pbench test -DskipTests}; figures
 * go to docs/performance.md.
 */
public final class SpawnBenchmark {

    private SpawnBenchmark() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("pooled")) {
            System.out.println("== Cold: " + Constants.POOL_SIZE + "=0");
            Benchmarks.run(SpawnBenchmarkTestCase.class, Map.of(Constants.POOL_SIZE, "0"));
        }
        System.out.println("== The pool at its default size");
        Benchmarks.run(PoolBenchmarkTestCase.class);
    }
}

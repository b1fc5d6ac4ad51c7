package dev.proctest.engine.links;

import dev.proctest.engine.process.Benchmarks;

/**
 * Measures what a healthy link costs: ZeroMQ round trips, a TCP bulk transfer and many connections,
 * each direct and through a link, in one run. Not a test: run it with {@code mvn -B -pl
 * extension,engine -Pbench test -DskipTests}; figures go to docs/performance.md.
 */
public final class LinkBenchmark {

    private LinkBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(LinkBenchmarkTestCase.class);
    }
}

package dev.proctest.engine.process;

/**
 * Measures what recording calls in a child costs: per call in the child, beside the same calls
 * unrecorded, and calls per second from child to test. Not a test: run it with {@code mvn -B -pl
 * extension,engine -Pbench test -DskipTests}; figures go to docs/performance.md.
 */
public final class CallBenchmark {

    private CallBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(CallBenchmarkTestCase.class);
    }
}

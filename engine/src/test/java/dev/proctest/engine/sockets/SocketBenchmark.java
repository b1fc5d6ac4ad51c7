package dev.proctest.engine.sockets;

import dev.proctest.engine.process.Benchmarks;

/**
 * Measures request-reply round trips of a {@code TestSocket} against a child, beside a raw JeroMQ
 * socket against the same child, in one run. Not a test: run it with {@code mvn -B -pl
 * extension,engine -Pbench test -DskipTests}; figures go to docs/performance.md.
 */
public final class SocketBenchmark {

    private SocketBenchmark() {}

    public static void main(String[] args) {
        Benchmarks.run(SocketBenchmarkTestCase.class);
    }
}

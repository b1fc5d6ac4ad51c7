package dev.proctest.engine.support;

import java.util.Arrays;

/** What the benchmarks report of their samples, in nanoseconds. */
public final class Percentiles {

    private Percentiles() {}

    public static long percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    public static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElseThrow();
    }
}

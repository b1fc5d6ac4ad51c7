package dev.proctest.engine.children;

import java.util.Arrays;

/** Times calls of {@link Sensor#read()} in a child whose sensor the test answers. */
public final class AnswerTiming {

    private AnswerTiming() {}

    /** Makes {@code calls} reads and returns their p50, p90 and p99 in nanoseconds. */
    public static long[] percentiles(int calls) {
        Sensor sensor = new Sensor("timed");
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            sensor.read();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new long[] {nanos[calls / 2], nanos[calls * 9 / 10], nanos[calls * 99 / 100]};
    }
}

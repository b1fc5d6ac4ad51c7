package dev.proctest.reliability.scale;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How one figure of the samples moves over a run. What tests in flight hold (a child's output
 * threads and pipes, a test's records) only ever adds to a sample, while what leaks stays: so the
 * judge is the floor, the lowest sample of the run's later half against the lowest of its earlier
 * half, which noise cannot raise and a leak does. Beside it, for the figures: the growth per 100
 * tests fitted by least squares together with the children alive at each sample (what each child
 * in flight holds counts as the child's), and the first, last, lowest and highest values.
 */
record Trend(String figure, double floorGrowth, double slopePer100, double perChild, double first, double last, double min, double max) {

    static Trend of(String figure, List<Sample> samples, ToDoubleFunction<Sample> value) {
        double n = samples.size();
        double meanT = samples.stream().mapToDouble(Sample::tests).average().orElse(0);
        double meanK = samples.stream().mapToDouble(Sample::children).average().orElse(0);
        double meanY = samples.stream().mapToDouble(value).average().orElse(0);
        double stt = 0;
        double skk = 0;
        double stk = 0;
        double sty = 0;
        double sky = 0;
        for (Sample sample : samples) {
            double t = sample.tests() - meanT;
            double k = sample.children() - meanK;
            double y = value.applyAsDouble(sample) - meanY;
            stt += t * t;
            skk += k * k;
            stk += t * k;
            sty += t * y;
            sky += k * y;
        }
        double determinant = stt * skk - stk * stk;
        double slope;
        double perChild;
        if (n < 2 || stt == 0) {
            slope = 0;
            perChild = 0;
        } else if (skk == 0 || determinant <= 1e-9 * stt * skk) {
            slope = sty / stt;
            perChild = 0;
        } else {
            slope = (sty * skk - sky * stk) / determinant;
            perChild = (sky * stt - sty * stk) / determinant;
        }
        int half = samples.size() / 2;
        double earlierFloor = samples.subList(0, half).stream().mapToDouble(value).min().orElse(0);
        double laterFloor = samples.subList(samples.size() - half, samples.size()).stream().mapToDouble(value).min().orElse(0);
        return new Trend(figure, laterFloor - earlierFloor, slope * 100, perChild, value.applyAsDouble(samples.get(0)), value.applyAsDouble(samples.get(samples.size() - 1)),
                samples.stream().mapToDouble(value).min().orElse(0), samples.stream().mapToDouble(value).max().orElse(0));
    }

    /** The figure over the run, from its first sample to its last, with the spread of the samples between. */
    String describe() {
        return String.format(Locale.ROOT, "%s %.0f -> %.0f (min %.0f, max %.0f; floor %+.0f; fit %+.2f per 100 tests, %+.1f per child alive)",
                figure, first, last, min, max, floorGrowth, slopePer100, perChild);
    }
}

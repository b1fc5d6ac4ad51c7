package dev.proctest.reliability.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link Trend} tells growth from what the children in flight hold. */
class TrendTests {

    @Test
    void aThreadLeakedEveryTenTestsIsGrowthOfTenPer100Tests() {
        List<Sample> samples = List.of(threads(100, 20, 2), threads(200, 30, 2), threads(300, 40, 2), threads(400, 50, 2));

        assertThat(Trend.of("threads", samples, Sample::threads).slopePer100()).isCloseTo(10, within(1e-9));
    }

    @Test
    void threadsThatComeAndGoWithTheChildrenAliveAreNoGrowth() {
        // six threads per child in flight, and a base of twenty that never moves
        List<Sample> samples = List.of(threads(100, 20 + 6 * 5, 5), threads(200, 20 + 6 * 2, 2), threads(300, 20 + 6 * 6, 6),
                threads(400, 20 + 6 * 3, 3));

        Trend trend = Trend.of("threads", samples, Sample::threads);

        assertThat(trend.slopePer100()).isCloseTo(0, within(1e-9));
        assertThat(trend.perChild()).isCloseTo(6, within(1e-9));
    }

    @Test
    void growthIsFoundBesideTheChildrenInFlight() {
        List<Sample> samples = List.of(threads(100, 20 + 6 * 5 + 1, 5), threads(200, 20 + 6 * 2 + 2, 2), threads(300, 20 + 6 * 6 + 3, 6),
                threads(400, 20 + 6 * 3 + 4, 3));

        assertThat(Trend.of("threads", samples, Sample::threads).slopePer100()).isCloseTo(1, within(1e-9));
    }

    @Test
    void theFloorRisesWithALeakButNotWithWhatTestsInFlightAdd() {
        List<Sample> noisy = List.of(threads(100, 20, 2), threads(200, 45, 2), threads(300, 20, 2), threads(400, 38, 2));
        List<Sample> leaking = List.of(threads(100, 20, 2), threads(200, 45, 2), threads(300, 23, 2), threads(400, 38, 2));

        assertThat(Trend.of("threads", noisy, Sample::threads).floorGrowth()).isZero();
        assertThat(Trend.of("threads", leaking, Sample::threads).floorGrowth()).isEqualTo(3);
    }

    private static Sample threads(int tests, int threads, long children) {
        return new Sample(tests, 0, 0, threads, 0, 0, 0, children, children);
    }
}

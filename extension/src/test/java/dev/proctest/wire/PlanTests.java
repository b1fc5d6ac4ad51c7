package dev.proctest.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTests {

    @Test
    void planSurvivesItsEncodingWithEveryKindOfText() {
        String long70k = "x".repeat(70_000);
        ChildPlan plan = new ChildPlan("pong", "com.example.Pong", List.of("", "two words", "ünïcødé ✓", long70k),
                Map.of("a", "1", "empty", ""), Duration.ofMillis(1500), List.of(), TimePlan.REAL);

        assertThat(ChildPlan.decode(plan.encode())).isEqualTo(plan);
    }

    @Test
    void callRulesSurviveTheEncodingWithTheirStubs() {
        ChildPlan plan = new ChildPlan("relay", "com.example.Main", List.of(), Map.of(), Duration.ofSeconds(1), List.of(
                new CallRule("com.example.Relay", CallRule.Mode.SPY, Map.of(), Set.of(), true),
                new CallRule("com.example.Sensor", CallRule.Mode.MOCK, Map.of("read", new byte[] {1, 2, 3}), Set.of("calibrate"), false)), TimePlan.REAL);

        ChildPlan decoded = ChildPlan.decode(plan.encode());

        assertThat(decoded.callRules()).satisfiesExactly(
                spy -> assertThat(spy).extracting(CallRule::type, CallRule::mode, CallRule::mocksStatics)
                        .containsExactly("com.example.Relay", CallRule.Mode.SPY, true),
                mock -> {
                    assertThat(mock).extracting(CallRule::type, CallRule::mode).containsExactly("com.example.Sensor", CallRule.Mode.MOCK);
                    assertThat(mock.stubs()).containsOnlyKeys("read").hasEntrySatisfying("read", value -> assertThat(value).containsExactly(1, 2, 3));
                    assertThat(mock.answered()).containsExactly("calibrate");
                });
    }

    @Test
    void timePlanSurvivesTheEncoding() {
        TimePlan time = new TimePlan(86_400.5, 1_767_225_600_000_000_123L, List.of("com.example.heating", "com.example.io"));
        ChildPlan plan = new ChildPlan("heating", "com.example.Main", List.of(), Map.of(), Duration.ofSeconds(1), List.of(), time);

        assertThat(ChildPlan.decode(plan.encode()).time()).isEqualTo(time);
        assertThat(time.rewrites()).isTrue();
        assertThat(TimePlan.REAL.rewrites()).isFalse();
        assertThat(new TimePlan(1, 0, List.of()).rewrites()).as("a start time alone shifts the clock").isTrue();

        TimePlan shiftable = TimePlan.REAL.withOffset(-3_600_000_000_000L);
        assertThat(ChildPlan.decode(new ChildPlan("c", "M", List.of(), Map.of(), Duration.ofSeconds(1), List.of(), shiftable).encode())
                .time()).isEqualTo(shiftable);
        assertThat(TimePlan.REAL.withOffset(0).rewrites()).as("a shiftable clock, even on time, is rewritten").isTrue();
        assertThat(TimePlan.REAL.withOffset(0).shiftable()).isTrue();

        TimePlan virtual = TimePlan.REAL.withFactor(TimePlan.VIRTUAL).withGrace(5_000_000).withStart(7);
        assertThat(ChildPlan.decode(new ChildPlan("c", "M", List.of(), Map.of(), Duration.ofSeconds(1), List.of(), virtual).encode())
                .time()).isEqualTo(virtual).satisfies(decoded -> {
                    assertThat(decoded.virtual()).isTrue();
                    assertThat(decoded.graceNanos()).isEqualTo(5_000_000);
                });
    }

    @Test
    void timeOriginComputesChildTimeFromRealTime() {
        TimeOrigin origin = new TimeOrigin(1_000_000_000_000L, 5_000_000_000L, 1000, "UTC");

        assertThat(TimeOrigin.decode(origin.encode())).isEqualTo(origin);
        assertThat(origin.childNanos(5_000_000_000L)).isEqualTo(1_000_000_000_000L);
        assertThat(origin.childNanos(5_010_000_000L)).as("10 ms of real time are 10 s of child time").isEqualTo(1_010_000_000_000L);
        assertThat(TimeOrigin.real().childNanos(123_456_789L)).isEqualTo(123_456_789L);
        assertThat(origin.shifted(-1_000_000_000L).childNanos(5_010_000_000L)).as("shifted back a second").isEqualTo(1_009_000_000_000L);
        assertThat(origin.shifted(0)).isSameAs(origin);

        TimeOrigin virtual = new TimeOrigin(1_000_000_000_000L, 5_000_000_000L, TimePlan.VIRTUAL, "UTC");
        assertThat(TimeOrigin.decode(virtual.encode())).as("a virtual clock's origin").isEqualTo(virtual);
        assertThatThrownBy(() -> TimeOrigin.decode(new TimeOrigin(0, 0, -1, "UTC").encode())).isInstanceOf(MalformedMessage.class);
    }
}

package dev.proctest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTests {

    @Test
    void planSurvivesItsEncodingWithEveryKindOfText() {
        String long70k = "x".repeat(70_000);
        Plan plan = new Plan("pong", "com.example.Pong", List.of("", "two words", "ünïcødé ✓", long70k),
                Map.of("a", "1", "empty", ""), Duration.ofMillis(1500), List.of());

        assertThat(Plan.decode(plan.encode())).isEqualTo(plan);
    }

    @Test
    void callRulesSurviveTheEncodingWithTheirStubs() {
        Plan plan = new Plan("relay", "com.example.Main", List.of(), Map.of(), Duration.ofSeconds(1), List.of(
                new CallRule("com.example.Relay", CallRule.Mode.SPY, Map.of(), Set.of(), true),
                new CallRule("com.example.Sensor", CallRule.Mode.MOCK, Map.of("read", new byte[] {1, 2, 3}), Set.of("calibrate"), false)));

        Plan decoded = Plan.decode(plan.encode());

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
    void messageTypesAreTheirNamesOnTheWire() {
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.of(type.frame())).isEqualTo(type);
        }
        assertThat(MessageType.of("NOPE".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}

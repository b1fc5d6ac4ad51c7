package dev.proctest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTests {

    @Test
    void planSurvivesItsEncodingWithEveryKindOfText() {
        String long70k = "x".repeat(70_000);
        Plan plan = new Plan("pong", "com.example.Pong", List.of("", "two words", "ünïcødé ✓", long70k),
                Map.of("a", "1", "empty", ""), Duration.ofMillis(1500));

        assertThat(Plan.decode(plan.encode())).isEqualTo(plan);
    }

    @Test
    void messageTypesAreTheirNamesOnTheWire() {
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.of(type.frame())).isEqualTo(type);
        }
        assertThat(MessageType.of("NOPE".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}

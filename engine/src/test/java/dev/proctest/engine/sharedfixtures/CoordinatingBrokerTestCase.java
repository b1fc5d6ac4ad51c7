package dev.proctest.engine.sharedfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.CoordinationException;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Shared;
import dev.proctest.child.ProcTest;
import java.time.Duration;

/** A test that tries to coordinate with the shared broker: no barrier or mailbox reaches a shared child. */
public class CoordinatingBrokerTestCase {

    @ProcessTest
    void aSharedChildsBarriersAndTakesFailAtOnceSayingWhy(Processes processes) {
        Shared broker = processes.shared(PongBroker.class);

        String inside = broker.child().run(() -> {
            long start = System.nanoTime();
            String barrier;
            try {
                ProcTest.barrier("go", Duration.ofSeconds(20));
                barrier = "passed";
            } catch (CoordinationException e) {
                barrier = e.getMessage();
            }
            String take;
            try {
                take = String.valueOf(ProcTest.mailbox("jobs").take(Duration.ofSeconds(20)));
            } catch (CoordinationException e) {
                take = e.getMessage();
            }
            return (System.nanoTime() - start) / 1_000_000 + "ms|" + barrier + "|" + take;
        });

        String[] parts = inside.split("\\|");
        assertThat(Long.parseLong(parts[0].replace("ms", ""))).isLessThan(5_000);
        assertThat(parts[1]).startsWith("Barrier 'go'").contains("'pong-broker' is a shared child, which no test coordinates with");
        assertThat(parts[2]).contains("'jobs'").contains("'pong-broker' is a shared child");
        assertThatThrownBy(() -> processes.barrier("go", broker.child())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pong-broker' is not a child of this scope");
    }
}

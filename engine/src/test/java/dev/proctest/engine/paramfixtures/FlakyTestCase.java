package dev.proctest.engine.paramfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.provider.ValueSource;

/** A test that fails on its third run only, as a flaky test does, and a parameterized one that always passes. */
public class FlakyTestCase {

    public static final AtomicInteger RUNS = new AtomicInteger();

    @ProcessTest
    void flaky() {
        int run = RUNS.incrementAndGet();
        CallLog.record("flaky " + run);
        assertThat(run).as("run").isNotEqualTo(3);
    }

    @ProcessTest
    @ValueSource(strings = {"a", "b"})
    void letters(String letter) {
        CallLog.record("letters " + letter);
    }
}

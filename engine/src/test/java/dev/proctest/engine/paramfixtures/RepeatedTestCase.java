package dev.proctest.engine.paramfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ProcessTest;
import dev.proctest.Repeated;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepetitionInfo;

/** Repeated tests: one that passes three times, one that fails its second repetition and stops there. */
public class RepeatedTestCase {

    @BeforeEach
    void before(RepetitionInfo repetition) {
        CallLog.record("before " + repetition.getCurrentRepetition());
    }

    @ProcessTest
    @Repeated(3)
    void thrice(RepetitionInfo repetition) {
        CallLog.record("thrice " + repetition.getCurrentRepetition() + "/" + repetition.getTotalRepetitions()
                + " failures " + repetition.getFailureCount());
    }

    @ProcessTest
    @Repeated(value = 4, failureThreshold = 1)
    void stopsAtFirstFailure(RepetitionInfo repetition) {
        CallLog.record("stops " + repetition.getCurrentRepetition() + " threshold " + repetition.getFailureThreshold());
        assertThat(repetition.getCurrentRepetition()).as("repetition").isNotEqualTo(2);
    }
}

package dev.proctest.engine.descriptor;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.RepetitionInfo;

/** Jupiter's {@link RepetitionInfo} of one repetition; the failure count is read as it runs. */
record Repetition(int current, int total, IntSupplier failures, int threshold) implements RepetitionInfo {

    @Override
    public int getCurrentRepetition() {
        return current;
    }

    @Override
    public int getTotalRepetitions() {
        return total;
    }

    @Override
    public int getFailureCount() {
        return failures.getAsInt();
    }

    @Override
    public int getFailureThreshold() {
        return threshold;
    }
}

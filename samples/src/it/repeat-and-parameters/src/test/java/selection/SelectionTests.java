package selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.proctest.ProcessTest;
import dev.proctest.Repeated;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.provider.ValueSource;

class SelectionTests {

    private static final AtomicInteger FLAKY_RUNS = new AtomicInteger();

    @ProcessTest
    @ValueSource(ints = {1, 3, 5})
    void nodes(int nodes) {
        assertEquals(1, nodes % 2);
    }

    /** Fails on its third run in a JVM: once only under proctest.repeat. */
    @ProcessTest
    void flaky() {
        assertNotEquals(3, FLAKY_RUNS.incrementAndGet(), "the third run");
    }

    @ProcessTest
    @Repeated(2)
    void twice(RepetitionInfo repetition) {
        assertEquals(2, repetition.getTotalRepetitions());
    }
}

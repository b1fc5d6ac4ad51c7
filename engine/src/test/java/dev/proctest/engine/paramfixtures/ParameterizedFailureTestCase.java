package dev.proctest.engine.paramfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A parameterized test whose second invocation fails, one whose source gives nothing, and one whose argument does not convert. */
public class ParameterizedFailureTestCase {

    @ProcessTest
    @ValueSource(ints = {1, 2, 3})
    void odd(int number) {
        CallLog.record("odd " + number);
        assertThat(number % 2).as("remainder of %d", number).isEqualTo(1);
    }

    @ProcessTest
    @MethodSource("nothing")
    void empty(int number) {
        CallLog.record("empty " + number);
    }

    @ProcessTest
    @ValueSource(strings = "three")
    void unconvertible(int number) {
        CallLog.record("unconvertible " + number);
    }

    static Stream<Integer> nothing() {
        return Stream.empty();
    }
}

package dev.proctest.engine.shard;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Jupiter tests of each kind the shard filter meets: tests, a template, a factory and a nested class. */
class JupiterShardTestCase {

    @Test
    void one() {}

    @Test
    void two() {}

    @Test
    void three() {}

    @Test
    void four() {}

    @Test
    void five() {}

    @Test
    void six() {}

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void template(int value) {}

    @TestFactory
    Stream<DynamicTest> factory() {
        return Stream.of(dynamicTest("first", () -> {}), dynamicTest("second", () -> {}));
    }

    @Nested
    class Inner {

        @Test
        void seven() {}

        @Test
        void eight() {}
    }
}

package dev.proctest.engine.invalidfixtures;

import dev.proctest.Implementations;
import dev.proctest.ProcessTest;
import org.junit.jupiter.api.Nested;

public class NestedProblemsTestCase {

    @ProcessTest
    void outer() {}

    @Nested
    public static class StaticNested {

        @ProcessTest
        void test() {}
    }

    @Nested
    private class PrivateNested {

        @ProcessTest
        void test() {}
    }

    @Nested
    @Implementations({"java", "python"})
    public class WithImplementations {

        @ProcessTest
        void test() {}
    }

    public class WithoutNested {

        @ProcessTest
        void test() {}
    }
}

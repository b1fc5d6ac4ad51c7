package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;

public class OuterTestCase {

    public class Inner {

        @ProcessTest
        void test() {}
    }

    private static class Hidden {

        @ProcessTest
        void test() {}
    }
}

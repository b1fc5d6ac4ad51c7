package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;

public class NonVoidMethodTestCase {

    @ProcessTest
    int answer() {
        return 42;
    }
}

package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;

public class UnresolvableParameterTestCase {

    @ProcessTest
    void needsPort(int port) {}
}

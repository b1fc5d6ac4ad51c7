package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;

public class PrivateMethodTestCase {

    @ProcessTest
    private void hidden() {}

    @ProcessTest
    void visible() {}
}

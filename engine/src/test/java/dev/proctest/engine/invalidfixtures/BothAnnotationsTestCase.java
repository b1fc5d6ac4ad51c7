package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.SystemTest;

public class BothAnnotationsTestCase {

    @ProcessTest
    @SystemTest
    void test() {}
}

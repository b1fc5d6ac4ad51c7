package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;

public class TwoConstructorsTestCase {

    public TwoConstructorsTestCase() {}

    public TwoConstructorsTestCase(String name) {}

    @ProcessTest
    void test() {}
}

package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;

/** Eight tests, for classes that order them. */
public abstract class EightTests {

    @ProcessTest
    void one() {}

    @ProcessTest
    void two() {}

    @ProcessTest
    void three() {}

    @ProcessTest
    void four() {}

    @ProcessTest
    void five() {}

    @ProcessTest
    void six() {}

    @ProcessTest
    void seven() {}

    @ProcessTest
    void eight() {}
}

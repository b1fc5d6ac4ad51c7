package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

@TestInstance(Lifecycle.PER_CLASS)
public class PerClassTestCase {

    @ProcessTest
    void test() {}
}

package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.Timeout;

public class ZeroTimeoutTestCase {

    @Timeout(0)
    @ProcessTest
    void test() {}
}

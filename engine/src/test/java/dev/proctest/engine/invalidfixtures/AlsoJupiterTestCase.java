package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.UnitTest;
import org.junit.jupiter.api.Test;

public class AlsoJupiterTestCase {

    @ProcessTest
    @Test
    void both() {}

    @ProcessTest
    @UnitTest
    void composed() {}
}

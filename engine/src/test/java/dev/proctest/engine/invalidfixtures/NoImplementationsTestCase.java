package dev.proctest.engine.invalidfixtures;

import dev.proctest.Implementations;
import dev.proctest.ProcessTest;

/** Lists no implementation: nothing to run its tests against. */
@Implementations({})
public class NoImplementationsTestCase {

    @ProcessTest
    void test() {}
}

package dev.proctest.engine.invalidfixtures;

import dev.proctest.Implementations;
import dev.proctest.ProcessTest;

/** Names an implementation with a character that cannot name a directory of logs. */
@Implementations({"java", "c/c++"})
public class BadImplementationNameTestCase {

    @ProcessTest
    void test() {}
}

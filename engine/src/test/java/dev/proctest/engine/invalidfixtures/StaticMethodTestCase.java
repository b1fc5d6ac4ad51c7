package dev.proctest.engine.invalidfixtures;

import dev.proctest.SystemTest;

public class StaticMethodTestCase {

    @SystemTest
    static void shared() {}
}

package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(UnusableOrdererTestCase.NeedsAnArgument.class)
public class UnusableOrdererTestCase {

    @ProcessTest
    void test() {}

    public static final class NeedsAnArgument implements MethodOrderer {

        public NeedsAnArgument(String order) {}

        @Override
        public void orderMethods(MethodOrdererContext context) {}
    }
}

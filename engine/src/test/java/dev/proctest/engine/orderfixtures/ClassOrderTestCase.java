package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestClassOrder;

/** Asks for an order of its nested classes, which proctest does not apply. */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
public class ClassOrderTestCase {

    @Nested
    public class Only {

        @ProcessTest
        void test() {}
    }
}

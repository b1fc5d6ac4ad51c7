package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** A scenario in steps: {@code @Order} says which comes first; an unordered test goes last, then the nested class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class OrderAnnotationTestCase {

    @ProcessTest
    void unordered() {
        CallLog.record("unordered");
    }

    @ProcessTest
    @Order(3)
    void alpha() {
        CallLog.record("alpha");
    }

    @ProcessTest
    @Order(1)
    void zulu() {
        CallLog.record("zulu");
    }

    @ProcessTest
    @Order(2)
    void mike() {
        CallLog.record("mike");
    }

    @Nested
    public class Later {

        @ProcessTest
        void afterTheSteps() {
            CallLog.record("nested afterTheSteps");
        }
    }
}

package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A nested class without an order of its own takes its enclosing class's; one with its own keeps
 * it. By default {@code b} and {@code c} would run before {@code ab}, whose name's hash is larger.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class InheritedOrderTestCase {

    @Nested
    public class Inherits {

        @ProcessTest
        void b() {
            CallLog.record("inherits b");
        }

        @ProcessTest
        void ab() {
            CallLog.record("inherits ab");
        }

        @ProcessTest
        void c() {
            CallLog.record("inherits c");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.DisplayName.class)
    public class OwnOrder {

        @ProcessTest
        @DisplayName("1")
        void z() {
            CallLog.record("own z");
        }

        @ProcessTest
        @DisplayName("2")
        void y() {
            CallLog.record("own y");
        }
    }
}

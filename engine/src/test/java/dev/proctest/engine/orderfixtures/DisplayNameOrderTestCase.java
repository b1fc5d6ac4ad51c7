package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/** Tests in the order of their display names, whatever their methods are called. */
@TestMethodOrder(MethodOrderer.DisplayName.class)
public class DisplayNameOrderTestCase {

    @ProcessTest
    @DisplayName("2 the broker takes a message")
    void takes() {
        CallLog.record("takes");
    }

    @ProcessTest
    @DisplayName("1 the broker starts")
    void starts() {
        CallLog.record("starts");
    }

    @ProcessTest
    @DisplayName("3 the broker delivers it")
    void delivers() {
        CallLog.record("delivers");
    }
}

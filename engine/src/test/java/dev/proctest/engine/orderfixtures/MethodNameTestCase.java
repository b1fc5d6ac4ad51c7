package dev.proctest.engine.orderfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** Tests in the order of their names and parameter lists; the {@code @Order} is ineffective here. */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class MethodNameTestCase {

    @ProcessTest
    void b() {
        CallLog.record("b()");
    }

    @ProcessTest
    void a(ProcessTestInfo info) {
        CallLog.record("a(ProcessTestInfo)");
    }

    @ProcessTest
    @Order(1)
    void c() {
        CallLog.record("c()");
    }

    @ProcessTest
    void a() {
        CallLog.record("a()");
    }
}

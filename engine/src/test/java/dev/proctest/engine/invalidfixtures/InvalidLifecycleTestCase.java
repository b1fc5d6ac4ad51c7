package dev.proctest.engine.invalidfixtures;

import dev.proctest.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

public class InvalidLifecycleTestCase {

    @BeforeAll
    void notStatic() {}

    @BeforeEach
    static void isStatic() {}

    @AfterEach
    String returnsValue() {
        return "";
    }

    @ProcessTest
    void test() {}
}

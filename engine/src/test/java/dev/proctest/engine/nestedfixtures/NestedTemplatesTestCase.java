package dev.proctest.engine.nestedfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.Repeated;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.provider.ValueSource;

/** A parameterized and a repeated test in a {@code @Nested} class that orders its tests, below an enclosing {@code @BeforeEach}. */
public class NestedTemplatesTestCase {

    private String prefix;

    @BeforeEach
    void outerBeforeEach() {
        prefix = "outer";
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    public class Cluster {

        @ProcessTest
        @Order(2)
        @ValueSource(ints = {1, 3})
        void nodes(int nodes) {
            CallLog.record(prefix + " nodes=" + nodes);
        }

        @ProcessTest
        @Order(1)
        @Repeated(2)
        void again() {
            CallLog.record(prefix + " again");
        }
    }
}

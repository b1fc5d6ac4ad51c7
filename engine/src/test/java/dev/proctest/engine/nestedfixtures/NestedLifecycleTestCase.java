package dev.proctest.engine.nestedfixtures;

import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/** A class with a test, a nested class with one, and a class nested in that, each recording its lifecycle. */
@Tag("outer")
public class NestedLifecycleTestCase {

    private String greeting;

    public NestedLifecycleTestCase() {
        CallLog.record("outer constructor");
    }

    @BeforeAll
    static void outerBeforeAll() {
        CallLog.record("outer @BeforeAll");
    }

    @AfterAll
    static void outerAfterAll() {
        CallLog.record("outer @AfterAll");
    }

    @BeforeEach
    void outerBeforeEach() {
        greeting = "hello from the outer @BeforeEach";
        CallLog.record("outer @BeforeEach");
    }

    @AfterEach
    void outerAfterEach() {
        CallLog.record("outer @AfterEach");
    }

    @ProcessTest
    void outerTest() {
        CallLog.record("outerTest");
    }

    @Nested
    @Tag("inner")
    public class Inner {

        Inner(ProcessTestInfo info) {
            CallLog.record("Inner constructor for " + info.displayName());
        }

        @BeforeAll
        static void innerBeforeAll() {
            CallLog.record("inner @BeforeAll");
        }

        @AfterAll
        static void innerAfterAll() {
            CallLog.record("inner @AfterAll");
        }

        @BeforeEach
        void innerBeforeEach() {
            CallLog.record("inner @BeforeEach");
        }

        @AfterEach
        void innerAfterEach() {
            CallLog.record("inner @AfterEach");
        }

        @ProcessTest
        void innerTest(ProcessTestInfo info) {
            CallLog.record("innerTest sees '" + greeting + "' with tags " + info.tags().stream().sorted().toList());
        }

        @Nested
        @DisplayName("when deeper")
        public class Deeper {

            @BeforeEach
            void deeperBeforeEach() {
                CallLog.record("deeper @BeforeEach");
            }

            @ProcessTest
            void deepestTest() {
                CallLog.record("deepestTest");
            }
        }
    }
}

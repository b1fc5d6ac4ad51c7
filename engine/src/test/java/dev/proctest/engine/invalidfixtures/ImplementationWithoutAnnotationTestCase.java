package dev.proctest.engine.invalidfixtures;

import dev.proctest.Implementation;
import dev.proctest.ProcessTest;

/** Asks for an Implementation in a class that lists none. */
public class ImplementationWithoutAnnotationTestCase {

    @ProcessTest
    void asksForAnImplementation(Implementation implementation) {}
}

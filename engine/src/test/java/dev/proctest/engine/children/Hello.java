package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;

/** The trivial program: says hello, tells proctest it is ready (a no-op outside proctest), and ends. */
public final class Hello {

    private Hello() {}

    public static void main(String[] args) {
        System.out.println("hello");
        ProcTest.ready();
    }
}

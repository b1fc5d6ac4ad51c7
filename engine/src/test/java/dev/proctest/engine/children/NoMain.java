package dev.proctest.engine.children;

/** A class someone might mistake for a program: it has no main method. */
public final class NoMain {

    private NoMain() {}

    public static void run(String[] args) {}
}

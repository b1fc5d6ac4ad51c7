package dev.proctest.engine.children;

/** Reads the clock from a class of its own package, for tests that put only this package on child time. */
public final class ChildClocks {

    private ChildClocks() {}

    public static long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}

package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registers its arguments in static state, says it is ready, and serves until stopped. */
public final class Registry {

    public static final List<String> NAMES = new CopyOnWriteArrayList<>();

    private Registry() {}

    public static void main(String[] args) throws InterruptedException {
        NAMES.addAll(List.of(args));
        ProcTest.ready();
        Thread.currentThread().join(); // serves: only a stop ends it
    }
}

package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.util.concurrent.CountDownLatch;

/**
 * Ignores {@code SIGTERM} outright, as {@code trap '' TERM} does (no shutdown hook runs, the JVM
 * goes on), signals ready and runs forever.
 */
public final class IgnoresSigterm {

    private IgnoresSigterm() {}

    public static void main(String[] args) throws InterruptedException, ReflectiveOperationException {
        // sun.misc.Signal through reflection: the build compiles with -Werror, and the class is an
        // internal API, though exported by jdk.unsupported for exactly this
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handler = Class.forName("sun.misc.SignalHandler");
        Object term = signal.getConstructor(String.class).newInstance("TERM");
        signal.getMethod("handle", signal, handler).invoke(null, term, handler.getField("SIG_IGN").get(null));
        ProcTest.ready();
        new CountDownLatch(1).await();
    }
}

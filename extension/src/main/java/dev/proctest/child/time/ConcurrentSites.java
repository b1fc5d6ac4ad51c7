package dev.proctest.child.time;

import static java.util.Map.entry;

import java.util.Map;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The calls to {@code java.util.concurrent} that {@link ConcurrentDelegates} stands for, picked
 * by the type of the call's owner: a call of {@code poll(long, TimeUnit)} on any {@code
 * BlockingQueue}, a JDK class or one of the system under test's.
 */
final class ConcurrentSites {

    static final String TIMEOUTS = "dev/proctest/child/time/ConcurrentDelegates";

    private static final String JUC = "java/util/concurrent/";
    private static final String UNIT = "JL" + JUC + "TimeUnit;)";
    private static final String OBJECT = "Ljava/lang/Object;";

    /** A replacement: the static method {@code owner.name descriptor} of the same name. */
    record Site(String owner, String descriptor) {}

    /** By {@code name descriptor}: the type whose subtypes' calls are replaced, and the class that replaces them. */
    private static final Map<String, String[]> INSTANCE_CALLS = Map.ofEntries(
            entry("poll(" + UNIT + OBJECT, new String[] {"BlockingQueue", TIMEOUTS}),
            entry("offer(" + OBJECT + UNIT + "Z", new String[] {"BlockingQueue", TIMEOUTS}),
            entry("pollFirst(" + UNIT + OBJECT, new String[] {"BlockingDeque", TIMEOUTS}),
            entry("pollLast(" + UNIT + OBJECT, new String[] {"BlockingDeque", TIMEOUTS}),
            entry("offerFirst(" + OBJECT + UNIT + "Z", new String[] {"BlockingDeque", TIMEOUTS}),
            entry("offerLast(" + OBJECT + UNIT + "Z", new String[] {"BlockingDeque", TIMEOUTS}),
            entry("tryTransfer(" + OBJECT + UNIT + "Z", new String[] {"TransferQueue", TIMEOUTS}),
            entry("get(" + UNIT + OBJECT, new String[] {"Future", TIMEOUTS}),
            entry("await(" + UNIT + "Z", new String[] {"CountDownLatch", TIMEOUTS}),
            entry("await(" + UNIT + "I", new String[] {"CyclicBarrier", TIMEOUTS}),
            entry("tryAcquire(" + UNIT + "Z", new String[] {"Semaphore", TIMEOUTS}),
            entry("tryAcquire(I" + UNIT + "Z", new String[] {"Semaphore", TIMEOUTS}),
            entry("tryLock(" + UNIT + "Z", new String[] {"locks/Lock", TIMEOUTS}),
            entry("awaitTermination(" + UNIT + "Z", new String[] {"ExecutorService", TIMEOUTS}),
            entry("exchange(" + OBJECT + UNIT + OBJECT, new String[] {"Exchanger", TIMEOUTS}),
            entry("awaitAdvanceInterruptibly(I" + UNIT + "I", new String[] {"Phaser", TIMEOUTS}));

    private ConcurrentSites() {}

    /** The replacement of a call, or {@code null}. */
    static Site replacement(int opcode, String owner, String name, String descriptor, Hierarchy hierarchy) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            return null;
        }
        String[] target = INSTANCE_CALLS.get(name + descriptor);
        if (target == null || !hierarchy.isSubtype(owner, JUC + target[0])) {
            return null;
        }
        return new Site(target[1], "(L" + JUC + target[0] + ";" + descriptor.substring(1));
    }
}

package dev.proctest.child.time;

import static java.util.Map.entry;

import java.util.Map;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The calls to {@code java.util.concurrent} that {@link ConcurrentDelegates} and {@link
 * SchedulerDelegates} stand for, picked by the type of the call's owner: a call of {@code
 * poll(long, TimeUnit)} on any {@code BlockingQueue}, a JDK class or one of the system under
 * test's. On a virtual clock also the scheduled executors it makes, which become {@link
 * VirtualScheduledThreadPoolExecutor}s.
 */
final class ConcurrentSites {

    static final String TIMEOUTS = "dev/proctest/child/time/ConcurrentDelegates";
    static final String SCHEDULES = "dev/proctest/child/time/SchedulerDelegates";
    static final String EXECUTOR = "java/util/concurrent/ScheduledThreadPoolExecutor";
    static final String VIRTUAL_EXECUTOR = "dev/proctest/child/time/VirtualScheduledThreadPoolExecutor";

    private static final String JUC = "java/util/concurrent/";
    private static final String UNIT = "JL" + JUC + "TimeUnit;)";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String FUTURE = "L" + JUC + "ScheduledFuture;";
    private static final String STAGE = "L" + JUC + "CompletableFuture;";

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
            entry("awaitAdvanceInterruptibly(I" + UNIT + "I", new String[] {"Phaser", TIMEOUTS}),
            entry("orTimeout(" + UNIT + STAGE, new String[] {"CompletableFuture", SCHEDULES}),
            entry("completeOnTimeout(" + OBJECT + UNIT + STAGE, new String[] {"CompletableFuture", SCHEDULES}),
            entry("schedule(Ljava/lang/Runnable;" + UNIT + FUTURE, new String[] {"ScheduledExecutorService", SCHEDULES}),
            entry("schedule(L" + JUC + "Callable;" + UNIT + FUTURE, new String[] {"ScheduledExecutorService", SCHEDULES}),
            entry("scheduleAtFixedRate(Ljava/lang/Runnable;J" + UNIT + FUTURE, new String[] {"ScheduledExecutorService", SCHEDULES}),
            entry("scheduleWithFixedDelay(Ljava/lang/Runnable;J" + UNIT + FUTURE, new String[] {"ScheduledExecutorService", SCHEDULES}));

    private static final String SERVICE = ")L" + JUC + "ScheduledExecutorService;";

    /** Static calls, by {@code owner.name descriptor}; those of {@code Executors} only on a virtual clock. */
    private static final Map<String, Boolean> STATIC_CALLS = Map.of(
            JUC + "CompletableFuture.delayedExecutor(" + UNIT + "L" + JUC + "Executor;", false,
            JUC + "CompletableFuture.delayedExecutor(JL" + JUC + "TimeUnit;L" + JUC + "Executor;)L" + JUC + "Executor;", false,
            JUC + "Executors.newScheduledThreadPool(I" + SERVICE, true,
            JUC + "Executors.newScheduledThreadPool(IL" + JUC + "ThreadFactory;" + SERVICE, true,
            JUC + "Executors.newSingleThreadScheduledExecutor(" + SERVICE, true,
            JUC + "Executors.newSingleThreadScheduledExecutor(L" + JUC + "ThreadFactory;" + SERVICE, true);

    private ConcurrentSites() {}

    /** The replacement of a call, or {@code null}. */
    static Site replacement(int opcode, String owner, String name, String descriptor, Hierarchy hierarchy) {
        if (opcode == Opcodes.INVOKESTATIC) {
            Boolean virtualOnly = STATIC_CALLS.get(owner + "." + name + descriptor);
            return virtualOnly == null || virtualOnly && !ChildTime.virtual() ? null : new Site(SCHEDULES, descriptor);
        }
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

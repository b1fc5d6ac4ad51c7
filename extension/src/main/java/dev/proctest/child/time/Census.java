package dev.proctest.child.time;

import dev.proctest.child.time.Quiescence.State;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * One observation of a child on a virtual clock, for {@link Quiescence}: the census of the system
 * under test's threads that Java gives ({@link Thread#getState}), read together with what Linux
 * says of their tasks ({@link Tasks}). A thread that Java calls {@code RUNNABLE} while its task
 * sleeps is in I/O if the kernel shows it waiting for input, and {@linkplain
 * Quiescence.State#HELD held} otherwise ({@link KernelWaits}), for {@link #HELD_AT_MOST} at most.
 */
final class Census {

    private static final int TASK_NAME = 15;
    private static final int MAX_SPARE = 1024;
    /**
     * How long a thread blocked in the kernel other than for input counts as running, at most:
     * then as in I/O. A wait for a class that another thread initialises is such a block, and it
     * may end only once the clock moves, if the initialiser sleeps.
     */
    static final long HELD_AT_MOST = 1_000_000_000;

    private final ThreadGroup group;
    private final Set<Thread> before = Collections.newSetFromMap(new WeakHashMap<>());
    /** Threads that run a diagnosis of proctest's own, which are not the system under test's while they do. */
    private final Set<Thread> diagnosing;
    private Thread[] threads = new Thread[64];
    /** The system under test's threads by task name, and the counts kept for names seen before, to be used again. */
    private final Map<String, Named> names = new HashMap<>();
    private final Map<String, Named> spare = new HashMap<>();
    /** When the last observation was made: after a pause, since when tasks have been held is not known. */
    private long observed = System.nanoTime();
    private static final long OBSERVED_FRESH = 100_000_000;
    /** {@code null} without a readable {@code /proc}. */
    private Tasks tasks;
    private long listed;
    /** The thread of the system under test that the last observation found in I/O or held, or {@code null}. */
    private Thread inIo;

    /** From the thread that runs {@code main}, whose group is the system under test's: every other thread alive now is not. */
    Census(ThreadGroup group, Set<Thread> diagnosing) {
        this.group = group;
        this.diagnosing = diagnosing;
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread != Thread.currentThread()).forEach(before::add);
    }

    /** Leaves {@code thread} out of every census: it is not the system under test's. */
    void leaveOut(Thread thread) {
        before.add(thread);
    }

    /** Starts reading the tasks, on the thread that observes. */
    void start() {
        tasks = Tasks.ofThisProcess();
    }

    /** Observes the child once: whether a thread of the system under test runs, and if not, whether one is in I/O. */
    State observe() {
        long now = System.nanoTime();
        if (tasks != null && now - observed > OBSERVED_FRESH) { // the clock waited for nothing, or for a waiter to run
            tasks.forgetHolds();
        }
        observed = now;
        return look();
    }

    private State look() {
        int count;
        while ((count = group.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        Thread inIo = null;
        Thread outside = null;
        boolean channel = false;
        names.clear();
        long threadsSeen = count;
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            threads[i] = null;
            threadsSeen = threadsSeen * 31 + System.identityHashCode(thread); // a thread started or ended: list the tasks again
            if (before.contains(thread) || isOwn(thread) || diagnosing.contains(thread)) {
                continue;
            }
            if (OutsideWaits.holds(thread)) { // waits for proctest's channel, which ends without the clock: as if it ran
                channel = true;
            }
            if (OutsideWaits.of(thread) != null) { // a wait for the test JVM is one for the outside world, as a socket read is,
                outside = outside == null ? thread : outside; // and its checks for a closed channel do not restart the grace
                continue;
            }
            String name = thread.getName(); // the launcher's thread that runs main keeps the name of the process
            Named named = named(name.equals("main") ? "java" : name.length() > TASK_NAME ? name.substring(0, TASK_NAME) : name);
            if (thread.getState() == Thread.State.RUNNABLE) {
                named.runnable = named.runnable == null ? thread : named.runnable;
                named.runnables++;
                inIo = inIo == null ? thread : inIo;
            } else {
                named.waiting++;
            }
        }
        if (tasks != null && threadsSeen != listed) {
            try {
                tasks.list();
                listed = threadsSeen;
            } catch (IOException | RuntimeException e) {
                tasks = null;
            }
        }
        this.inIo = inIo != null ? inIo : outside;
        if (channel) {
            return State.RUNS;
        }
        if (tasks == null) {
            // without /proc, RUNNABLE may be running
            return inIo != null ? State.RUNS : outside != null ? State.IN_IO : State.QUIET;
        }
        State running = tasks.running(names.keySet());
        if (running != State.QUIET) {
            return running;
        }
        String held = inIo == null ? null : tasks.held(names);
        if (held != null) { // at work, but off a core: as if it ran, for a while
            this.inIo = names.get(held).runnable;
            return State.HELD;
        }
        return this.inIo != null ? State.IN_IO : State.QUIET;
    }

    /** The threads of the system under test whose tasks have {@code task} for a name, counted afresh by each observation. */
    private Named named(String task) {
        Named named = names.get(task);
        if (named == null) {
            if (spare.size() > MAX_SPARE) {
                spare.clear();
            }
            named = spare.computeIfAbsent(task, key -> new Named());
            named.runnable = null;
            named.runnables = 0;
            named.waiting = 0;
            names.put(task, named);
        }
        return named;
    }

    /** How many threads of a task name Java calls {@code RUNNABLE}, the first of them, and how many it shows waiting or blocked. */
    static final class Named {
        Thread runnable;
        int runnables;
        int waiting;
    }

    /** What the last observation showed, for a diagnosis. */
    Quiescence.Seen seen(State state) {
        return tasks == null ? new Quiescence.Seen(state, null, null, inIo, -1)
                : new Quiescence.Seen(state, tasks.lastRunningName(), tasks.lastOtherName(), inIo, tasks.lastHeldCall());
    }

    /** proctest's threads but those that run the test's lambdas. */
    private static boolean isOwn(Thread thread) {
        String name = thread.getName();
        return name.startsWith("proctest-") && !name.startsWith("proctest-run-");
    }
}

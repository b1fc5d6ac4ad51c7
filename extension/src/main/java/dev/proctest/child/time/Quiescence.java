package dev.proctest.child.time;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that moves a virtual clock: it jumps to the next deadline once the child is
 * quiescent, that is, once no thread of the system under test can run before the clock moves.
 *
 * <p>How that is observed, cheaply and correctly, every 50 µs to 1 ms of real time while a
 * deadline is pending, at once when a wait starts or a woken waiter runs, and not at all while no
 * deadline is pending:
 * <ul>
 *   <li>A census of the system under test's threads (those of the group of {@code main}'s thread,
 *   but those alive before {@code main} and proctest's own) reads {@link Thread#getState}: a
 *   thread that waits, timed or not, or is blocked on a monitor, is quiet; one that is {@code
 *   RUNNABLE} runs or is blocked in I/O, which Java does not tell apart.</li>
 *   <li>Linux does: field 3 of {@code /proc/self/task/<tid>/stat} is {@code R} for a task running
 *   or runnable (woken, waiting for a core), {@code S} or {@code D} for one that waits. A thread
 *   just woken that Java still calls {@code WAITING} is {@code R} there. The clock never jumps
 *   while any task but this one is {@code R}, the JVM's (the collector, the VM thread) and
 *   proctest's included: they delay a jump, never cause one. The JIT's compiler threads and the
 *   VM's housekeeping are left out ({@link Tasks}): they would hold the clock for nothing. The
 *   task last seen running is read first, so that a busy child costs two small reads per
 *   observation. Without {@code /proc} (not Linux) a {@code RUNNABLE} thread counts as running,
 *   so a thread in I/O holds the clock.</li>
 *   <li>A thread that waits for the test JVM in proctest's own waits ({@link OutsideWaits}: a
 *   barrier, a mailbox, a remote answer) is in I/O, whatever Java and the kernel say.</li>
 *   <li>A thread that Java calls {@code RUNNABLE} while the kernel sees it wait is in I/O only if
 *   the system call it waits in waits for input ({@link KernelWaits}: a read of a socket or a
 *   pipe, an accept, a poll). Blocked otherwise, in a lock of the JVM's (another thread's class
 *   initialisation), a page fault, a read of a regular file or a write, it is at work, and holds
 *   the clock as if it ran, for a second at most since it last ran ({@link Holds}): then it is
 *   in I/O, as a class initialiser that sleeps is waited for in the kernel.</li>
 *   <li>A child whose threads are quiet jumps after two such observations in a row, one right
 *   after the other: an observation (about 60 µs with twenty tasks) outlasts the moment a thread
 *   needs to show it runs, and a timed pause between them would cost the park's slack, 100 µs or
 *   more, on every jump. A child with a thread in I/O, where a request may be about to arrive,
 *   jumps only once its threads have been quiet for the grace of real time. Background tasks
 *   that run meanwhile do not restart the grace; a task named as a thread of the system under
 *   test ({@code comm}, 15 characters of the name) does, and so does a held one.</li>
 *   <li>Observations count only while no timed wait starts or ends in between ({@link
 *   VirtualClock#changes()}), and while no waiter that a jump woke is yet to run.</li>
 * </ul>
 * Waits that are not rewritten (the JDK's own, such as inside an executor that was not replaced)
 * keep real time and count as quiet; virtual threads are not counted at all.
 */
final class Quiescence implements Runnable {

    /** How long to pause between observations while the child runs. */
    private static final long BUSY_PAUSE = 1_000_000;
    /** How long to pause between the observations that confirm a quiet child. */
    private static final long CONFIRM_PAUSE = 50_000;
    /** How long a diagnosis passes over observations that find only the JVM's threads running. */
    private static final long PASSING = 1_000_000_000;

    private static volatile long grace;
    /** A diagnosis that waits for an observation, and the observation handed to it: see {@link #ask}. */
    private static volatile Thread asking;
    private static volatile Seen handed;
    private static volatile long askedAt;
    private static final Object ASKS = new Object();
    /** Threads that run a diagnosis of proctest's own, which are not the system under test's while they do. */
    private static final Set<Thread> DIAGNOSING = ConcurrentHashMap.newKeySet();

    private final long graceNanos;
    private final Census census;
    /** How many observations have been made for the diagnosis that waits now. */
    private int handing;

    private Quiescence(long graceNanos, Census census) {
        this.graceNanos = graceNanos;
        this.census = census;
    }

    /** Starts the thread, from the thread that runs {@code main}; every other thread alive now is not the system under test's. */
    static Thread start(long graceNanos) {
        Census census = new Census(Thread.currentThread().getThreadGroup(), DIAGNOSING);
        Quiescence quiescence = new Quiescence(graceNanos, census);
        grace = graceNanos;
        Thread thread = new Thread(quiescence, "proctest-virtual-clock");
        thread.setDaemon(true);
        census.leaveOut(thread);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        census.start();
        long quietSince = 0;
        long quietChanges = -1;
        int inARow = -1; // -1: no quiet period under way
        long busyPause = CONFIRM_PAUSE;
        while (true) {
            if (!VirtualClock.canJump()) { // a wait that starts, and a waiter woken that runs, wake this thread
                inARow = -1;
                busyPause = CONFIRM_PAUSE;
                if (VirtualClock.pending() && VirtualClock.jumpsByItself() || VirtualClock.advancing()) {
                    LockSupport.parkNanos(this, BUSY_PAUSE);
                } else {
                    LockSupport.park(this); // nothing to do: an idle child costs nothing
                }
                continue;
            }
            long changes = VirtualClock.changes();
            State state = census.observe();
            hand(state);
            long now = System.nanoTime();
            // a thread that has just registered its wait is about to wait: look again soon, then less often
            if (state == State.RUNS || state == State.HELD) {
                inARow = -1;
                LockSupport.parkNanos(this, busyPause);
                busyPause = Math.min(BUSY_PAUSE, busyPause * 2);
                continue;
            }
            busyPause = CONFIRM_PAUSE;
            if (inARow < 0 || changes != quietChanges) {
                quietSince = now;
                quietChanges = changes;
                inARow = 0;
            }
            if (state == State.OTHERS_RUN) { // the quiet period goes on, but no jump while anything runs
                inARow = 0;
                LockSupport.parkNanos(this, CONFIRM_PAUSE);
                continue;
            }
            inARow++;
            boolean advancing = VirtualClock.advancing(); // the test said when: no grace
            boolean settled = inARow >= 2 && (state == State.QUIET || advancing || now - quietSince >= graceNanos);
            if (settled && VirtualClock.changes() == changes) {
                if (advancing) {
                    VirtualClock.step();
                } else if (VirtualClock.jumpsByItself()) {
                    VirtualClock.jump();
                }
                inARow = -1;
            } else if (state == State.QUIET) {
                Thread.yield(); // an observation takes longer than a thread needs to show it runs: a pause would only slow each jump
            } else {
                LockSupport.parkNanos(this, Math.min(BUSY_PAUSE, Math.max(CONFIRM_PAUSE, graceNanos / 4)));
            }
        }
    }

    /**
     * What an observation shows: a thread of the system under test runs; one is blocked in the
     * kernel other than for input, which counts as running; only other threads run (the JVM's,
     * proctest's); none runs, but one is in I/O; none runs.
     */
    enum State { RUNS, HELD, OTHERS_RUN, IN_IO, QUIET }

    /** The grace of real quiet a child in I/O waits for before its clock jumps. */
    static long grace() {
        return grace;
    }

    /** What an observation showed, for a diagnosis: the tasks it last saw running, and the thread it found in I/O. */
    record Seen(State state, String running, String other, Thread inIo, int call) {}

    /**
     * Waits up to {@code timeoutNanos} for an observation made while the calling thread waits, so
     * that it does not see the caller itself, and returns it; {@code null} if none is made in time,
     * as while no deadline is pending. Costs the observations nothing while nobody asks.
     */
    static Seen ask(long timeoutNanos) {
        Thread thread = Thread.currentThread();
        synchronized (ASKS) {
            DIAGNOSING.add(thread); // not the system under test's: its wait does not restart a grace, nor its asking
            try {
                handed = null;
                askedAt = System.nanoTime();
                asking = thread;
                long deadline = System.nanoTime() + timeoutNanos;
                while (handed == null && deadline - System.nanoTime() > 0) {
                    LockSupport.parkNanos(ASKS, deadline - System.nanoTime());
                }
                return handed;
            } finally {
                asking = null;
                DIAGNOSING.remove(thread);
            }
        }
    }

    /**
     * Hands the second observation made since a diagnosis asked to it, as the first may have seen it
     * before it waited; or a later one, while the JVM's threads run (the JIT at the start), which
     * say less of what holds the clock than the system under test's.
     */
    private void hand(State state) {
        Thread waiting = asking;
        if (waiting == null) {
            handing = 0;
            return;
        }
        if (++handing < 2 || state == State.OTHERS_RUN && System.nanoTime() - askedAt < PASSING) {
            return;
        }
        handing = 0;
        handed = census.seen(state);
        asking = null;
        LockSupport.unpark(waiting);
    }
}

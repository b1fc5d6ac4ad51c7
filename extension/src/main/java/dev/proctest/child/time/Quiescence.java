package dev.proctest.child.time;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that moves a virtual clock: it jumps to the next deadline once the child is
 * quiescent, that is, once no thread of the system under test can run before the clock moves.
 *
 * <p>How that is observed, cheaply and correctly:
 * <ul>
 *   <li>Linux tells whether a thread runs: field 3 of {@code /proc/self/task/<tid>/stat} is {@code
 *   R} for a task running or runnable (woken, waiting for a core), {@code S} or {@code D} for one
 *   that waits, whatever it waits for. The child is not quiescent while any task but this one is
 *   {@code R}. That also counts the JVM's own threads (the JIT, the garbage collector) and
 *   proctest's: they only delay a jump, they never cause one. Tasks are not mapped to Java threads;
 *   the task last seen running is read first, so that a busy child is told from a quiet one by
 *   reading one file. Without {@code /proc} (not Linux) the census below decides alone.</li>
 *   <li>A census of the system under test's threads (those of the group of {@code main}'s thread,
 *   but those alive before {@code main} and proctest's own) reads {@link Thread#getState}: a
 *   thread that waits, timed or not, or is blocked on a monitor, is quiet. A thread that the
 *   kernel sees waiting while Java calls it {@code RUNNABLE} is blocked in I/O or native code: it
 *   may be about to receive a request. Then the child must stay quiet for the grace, in real time,
 *   before the clock jumps; otherwise two observations in a row suffice.</li>
 *   <li>Observations count only while no timed wait starts or ends in between ({@link
 *   VirtualClock#changes()}), and while no waiter that a jump woke is yet to run.</li>
 * </ul>
 * Waits that are not rewritten (the JDK's own, such as inside {@code ScheduledThreadPoolExecutor})
 * keep real time and count as quiet; virtual threads are not counted at all.
 */
final class Quiescence implements Runnable {

    /** How long to pause between observations while the child runs. */
    private static final long BUSY_PAUSE = 1_000_000;
    /** How long to pause between the observations that confirm a quiet child. */
    private static final long CONFIRM_PAUSE = 50_000;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final long graceNanos;
    private final Set<Thread> before = Collections.newSetFromMap(new WeakHashMap<>());
    private final ThreadGroup group;
    private Thread[] threads = new Thread[64];
    private String ownTask;
    private Path lastRunning;
    private boolean procReadable = Files.isDirectory(TASKS);

    private Quiescence(long graceNanos, ThreadGroup group) {
        this.graceNanos = graceNanos;
        this.group = group;
    }

    /** Starts the thread, from the thread that runs {@code main}; every other thread alive now is not the system under test's. */
    static Thread start(long graceNanos) {
        Quiescence quiescence = new Quiescence(graceNanos, Thread.currentThread().getThreadGroup());
        Thread.getAllStackTraces().keySet().stream().filter(thread -> thread != Thread.currentThread()).forEach(quiescence.before::add);
        Thread thread = new Thread(quiescence, "proctest-virtual-clock");
        thread.setDaemon(true);
        quiescence.before.add(thread);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        ownTask = ownTask();
        procReadable &= !ownTask.isEmpty(); // its own task always runs
        long quietSince = 0;
        long quietChanges = -1;
        int quietCount = 0;
        while (true) {
            if (!VirtualClock.canJump()) {
                quietCount = 0;
                LockSupport.parkNanos(this, BUSY_PAUSE);
                continue;
            }
            long changes = VirtualClock.changes();
            State state = observe();
            long now = System.nanoTime();
            if (state == State.BUSY) {
                quietCount = 0;
                LockSupport.parkNanos(this, BUSY_PAUSE);
                continue;
            }
            if (quietCount == 0 || changes != quietChanges) {
                quietSince = now;
                quietChanges = changes;
                quietCount = 1;
            } else {
                quietCount++;
            }
            boolean settled = quietCount >= 2 && (state == State.QUIET || now - quietSince >= graceNanos);
            if (settled && VirtualClock.changes() == changes) {
                VirtualClock.jump();
                quietCount = 0;
            } else {
                LockSupport.parkNanos(this, state == State.IN_IO ? Math.min(BUSY_PAUSE, Math.max(CONFIRM_PAUSE, graceNanos / 4))
                        : CONFIRM_PAUSE);
            }
        }
    }

    private enum State { BUSY, IN_IO, QUIET }

    private State observe() {
        if (procReadable && anotherTaskRuns()) {
            return State.BUSY;
        }
        int count;
        while ((count = group.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        State state = State.QUIET;
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            threads[i] = null;
            if (state != State.BUSY && !before.contains(thread) && !isOwn(thread) && thread.getState() == Thread.State.RUNNABLE) {
                state = procReadable ? State.IN_IO : State.BUSY; // without /proc, RUNNABLE may be running
            }
        }
        return state;
    }

    /** proctest's threads but those that run the test's lambdas. */
    private static boolean isOwn(Thread thread) {
        String name = thread.getName();
        return name.startsWith("proctest-") && !name.startsWith("proctest-run-");
    }

    private boolean anotherTaskRuns() {
        if (lastRunning != null && runs(lastRunning)) {
            return true;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (!task.getFileName().toString().equals(ownTask) && runs(task)) {
                    lastRunning = task;
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            procReadable = false;
            return false;
        }
    }

    /** Whether a task is running or runnable: field 3 of its {@code stat}, after the name in parentheses. */
    private static boolean runs(Path task) {
        try {
            byte[] stat = Files.readAllBytes(task.resolve("stat"));
            for (int i = stat.length - 1; i > 0; i--) {
                if (stat[i] == ')') {
                    return i + 2 < stat.length && stat[i + 2] == 'R';
                }
            }
            return false;
        } catch (IOException e) { // the task ended
            return false;
        }
    }

    private static String ownTask() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}

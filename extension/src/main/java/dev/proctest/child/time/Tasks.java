package dev.proctest.child.time;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks of this process as Linux lists them in {@code /proc/self/task}, and which of them run.
 * Each task's {@code stat} stays open and is read again from its start, which the kernel answers
 * afresh: one system call per task and observation, instead of an open, a read and a close.
 *
 * <p>The JVM's threads that never run code of the system under test and never stop it are left
 * out: the JIT's compiler threads, which compile for seconds at a time early in a child's life,
 * and the VM's housekeeping. Counting them would hold the clock while they work, and cost a read
 * each per observation. The VM thread and the collector's threads count: while they run, a
 * thread of the system under test may be stopped in the middle of its work.
 */
final class Tasks {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** The names of the JVM's tasks left out, as {@code comm} gives them: 15 characters at most. */
    private static final List<String> LEFT_OUT = List.of("C1 CompilerThre", "C2 CompilerThre", "JVMCI CompilerT", "Sweeper thread",
            "VM Periodic Tas", "G1 Service", "Monitor Deflati", "Service Thread");

    private final String own;
    /** The launcher's first thread, which waits for the JVM to end and shares {@code main}'s task name. */
    private final String first = String.valueOf(ProcessHandle.current().pid());
    /** {@code null} where the system calls of blocked tasks cannot be told apart. */
    private final KernelWaits kernel = KernelWaits.ofThisMachine();
    /** Per task name: how many of its tasks are blocked other than for input, and how many of those for less than the cap. */
    private final Map<String, int[]> held = new HashMap<>();
    /** Since when tasks have been blocked other than for input without running. */
    private final Holds holds = new Holds();
    /** The tasks' names as {@link #held} last read them, for up to {@link #NAMES_FRESH}: a read each would cost more than the rest. */
    private final Map<String, String> names = new HashMap<>();
    private long namesRead;
    private static final long NAMES_FRESH = 100_000_000;
    private volatile int lastHeldCall = -1;
    /** The {@linkplain #lastHeldCall() call} of a task that had been blocked but runs again. */
    static final int RUNS_AGAIN = Integer.MIN_VALUE;
    private final Map<String, FileChannel> stats = new HashMap<>();
    private final Set<String> leftOut = new HashSet<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1024);
    private volatile String lastRunning;
    private volatile String lastOther;

    private Tasks(String own) {
        this.own = own;
    }

    /** The tasks of this process but the calling thread's, or {@code null} without a readable {@code /proc}. */
    static Tasks ofThisProcess() {
        try {
            String own = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Tasks tasks = new Tasks(own);
            tasks.list();
            return tasks;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Lists the tasks again: threads started since are read from now on, and those ended no longer. */
    void list() throws IOException {
        Set<String> listed = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                if (!tid.equals(own)) {
                    listed.add(tid);
                }
            }
        }
        for (Iterator<Map.Entry<String, FileChannel>> entries = stats.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, FileChannel> entry = entries.next();
            if (!listed.contains(entry.getKey())) {
                close(entry.getValue());
                entries.remove();
            }
        }
        leftOut.retainAll(listed);
        holds.retain(listed);
        for (String tid : listed) {
            if (!stats.containsKey(tid) && !leftOut.contains(tid)) {
                if (LEFT_OUT.contains(name(tid))) {
                    leftOut.add(tid);
                    continue;
                }
                try {
                    stats.put(tid, FileChannel.open(TASKS.resolve(tid).resolve("stat"), StandardOpenOption.READ));
                } catch (IOException e) {
                    // ended meanwhile
                }
            }
        }
    }

    /**
     * Whether a task runs whose name is one of {@code observed}: {@code RUNS}; whether only others
     * do: {@code OTHERS_RUN}; or none: {@code QUIET}.
     */
    Quiescence.State running(Set<String> observed) {
        if (lastRunning != null && runs(lastRunning) && observed.contains(name(lastRunning))) {
            holds.end(lastRunning);
            return Quiescence.State.RUNS;
        }
        boolean others = false;
        for (String tid : stats.keySet()) {
            if (runs(tid)) {
                holds.end(tid);
                if (observed.contains(name(tid))) {
                    lastRunning = tid;
                    return Quiescence.State.RUNS;
                }
                others = true;
                lastOther = tid;
            }
        }
        return others ? Quiescence.State.OTHERS_RUN : Quiescence.State.QUIET;
    }

    /**
     * The name of a task of the system under test that Java calls {@code RUNNABLE} and that the
     * kernel shows blocked other than for input ({@link KernelWaits}) for less than {@link
     * Census#HELD_AT_MOST}, or that runs again; {@code null} if each such task waits for input, or
     * has been blocked for longer, or where that cannot be told. As task names are not unique, a
     * name holds once more of its tasks are blocked that way than Java shows threads of that name
     * waiting, which wait in the kernel too, and one of them for less than the cap.
     *
     * @param threads the threads of the system under test by task name
     */
    String held(Map<String, Census.Named> threads) {
        if (kernel == null) {
            return null;
        }
        held.clear();
        long now = System.nanoTime();
        if (now - namesRead > NAMES_FRESH) { // a thread names its task as it starts, and may rename it
            names.clear();
            namesRead = now;
        }
        String holding = null;
        for (String tid : stats.keySet()) { // each task, so that each hold starts and ends when it is seen to
            String name = tid.equals(first) ? null : names.computeIfAbsent(tid, Tasks::name);
            Census.Named named = name == null ? null : threads.get(name);
            KernelWaits.Kind kind = named == null || named.runnables == 0 ? null : kernel.of(tid);
            if (kind != KernelWaits.Kind.OTHER) {
                holds.end(tid);
            }
            if (kind == null || kind == KernelWaits.Kind.INPUT) {
                continue;
            }
            if (kind == KernelWaits.Kind.RUNNING) {
                if (holding == null) {
                    lastHeldCall = RUNS_AGAIN;
                    holding = name;
                }
                continue;
            }
            int[] counts = held.computeIfAbsent(name, key -> new int[2]);
            counts[0]++;
            counts[1] += holds.fresh(tid, now) ? 1 : 0;
            if (holding == null && counts[0] > named.waiting && counts[1] > 0) {
                lastHeldCall = kernel.number(tid);
                holding = name;
            }
        }
        return holding;
    }

    /** Forgets since when tasks have been blocked: observations stopped for a while, and what they saw may have changed. */
    void forgetHolds() {
        holds.forget();
    }

    /**
     * The system call in which the task last found {@linkplain #held held} was blocked, -1 outside
     * one (a page fault), {@link #RUNS_AGAIN} if it ran again: for a diagnosis.
     */
    int lastHeldCall() {
        return lastHeldCall;
    }

    /** The name of the task of the system under test last seen running, or {@code null}: for a diagnosis. */
    String lastRunningName() {
        String tid = lastRunning;
        return tid == null ? null : name(tid);
    }

    /** The name of the other task (the JVM's, proctest's) last seen running, or {@code null}: for a diagnosis. */
    String lastOtherName() {
        String tid = lastOther;
        return tid == null ? null : name(tid);
    }

    /** Whether a task is running or runnable: field 3 of its {@code stat}, after the name in parentheses. */
    private boolean runs(String tid) {
        FileChannel stat = stats.get(tid);
        if (stat == null) {
            return false;
        }
        try {
            buffer.clear();
            int read = stat.read(buffer, 0);
            for (int i = read - 1; i > 0; i--) {
                if (buffer.get(i) == ')') {
                    return i + 2 < read && buffer.get(i + 2) == 'R';
                }
            }
            return false;
        } catch (IOException e) { // the task ended
            return false;
        }
    }

    /** A task's name: the first 15 characters of its thread's name. */
    private static String name(String tid) {
        try {
            return Files.readString(TASKS.resolve(tid).resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a read-only file of /proc
        }
    }
}

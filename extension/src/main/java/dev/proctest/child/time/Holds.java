package dev.proctest.child.time;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Since when each task of the system under test that the kernel shows blocked other than for
 * input ({@link KernelWaits}) has been so without running: its hold of the clock lasts {@link
 * Census#HELD_AT_MOST} at most from then. A task that reads a jar read after read runs between
 * them, which its count of time slices in {@code /proc/self/task/<tid>/schedstat} shows, and holds
 * afresh; one that waits for another thread's class initialisation does not. Observations that
 * do not look at a task (those that find the JVM's threads running) neither restart nor end its
 * hold. Without {@code schedstat}, a hold lasts the cap from when the task is first seen blocked.
 */
final class Holds {

    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, FileChannel> files = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(128);

    /** Whether task {@code tid}, seen blocked other than for input at {@code now}, has been so for less than the cap. */
    boolean fresh(String tid, long now) {
        long slices = slices(tid);
        Hold hold = holds.get(tid);
        if (hold == null || hold.slices() != slices) { // it ran since it was last seen blocked
            hold = new Hold(slices, now);
            holds.put(tid, hold);
        }
        return now - hold.since() < Census.HELD_AT_MOST;
    }

    /** Ends the hold of a task seen running, or waiting otherwise. */
    void end(String tid) {
        holds.remove(tid);
    }

    /** Forgets every hold: observations stopped for a while, and what they saw may have changed. */
    void forget() {
        holds.clear();
    }

    /** Forgets the tasks that have ended. */
    void retain(Set<String> listed) {
        holds.keySet().retainAll(listed);
        for (Iterator<Map.Entry<String, FileChannel>> entries = files.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, FileChannel> entry = entries.next();
            if (!listed.contains(entry.getKey())) {
                close(entry.getValue());
                entries.remove();
            }
        }
    }

    /** How many time slices the task has run: the third field of its {@code schedstat}; -1 if that cannot be read. */
    private long slices(String tid) {
        FileChannel file = files.get(tid);
        try {
            if (file == null) {
                file = FileChannel.open(TASKS.resolve(tid).resolve("schedstat"), StandardOpenOption.READ);
                files.put(tid, file);
            }
            buffer.clear();
            int read = file.read(buffer, 0);
            String[] fields = new String(buffer.array(), 0, Math.max(read, 0), StandardCharsets.US_ASCII).strip().split(" ");
            return fields.length < 3 ? -1 : Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) { // no schedstat here, or the task ended
            return -1;
        }
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            // a read-only file of /proc
        }
    }

    /** A task blocked since {@code since} ({@link System#nanoTime}), having run {@code slices} time slices then. */
    private record Hold(long slices, long since) {}
}

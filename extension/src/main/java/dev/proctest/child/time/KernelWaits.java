package dev.proctest.child.time;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a task that Java calls {@code RUNNABLE} while the kernel shows it asleep waits for, from the
 * system call it is blocked in ({@code /proc/self/task/<tid>/syscall}): for input from outside the
 * child (a read of a socket, a pipe or a terminal, an accept, a connect, a poll, a select or an
 * epoll wait, a wait for another process), or for something that ends in real time by itself (a
 * lock of the JVM's, such as another thread's class initialisation; a page fault; a read of a
 * regular file from disk; a write that waits for its reader).
 *
 * <p>Only a wait for input can be about to bring a request: the others are the system under test
 * at work, which the kernel merely keeps off a core for a while.
 */
final class KernelWaits {

    /** Where a task blocked in the kernel is. */
    enum Kind { INPUT, OTHER, RUNNING }

    /** The system calls that wait for input, and those of them whose first argument is the file read: x86-64, then arm64's. */
    private static final Set<Integer> INPUT_X86 = Set.of(0, 7, 17, 19, 23, 34, 42, 43, 45, 47, 61, 70, 232, 243, 247, 270, 271, 281,
            288, 295, 299, 327, 426, 441);
    private static final Set<Integer> FILE_READS_X86 = Set.of(0, 17, 19, 295, 327);
    private static final Set<Integer> INPUT_GENERIC = Set.of(22, 63, 65, 67, 69, 72, 73, 95, 182, 188, 202, 203, 207, 212, 242, 243,
            260, 286, 426, 441);
    private static final Set<Integer> FILE_READS_GENERIC = Set.of(63, 65, 67, 69, 286);
    private static final int CACHED = 256;

    private final Set<Integer> input;
    private final Set<Integer> fileReads;
    private final ByteBuffer buffer = ByteBuffer.allocate(256);
    /** Whether the wait a line of {@code syscall} shows is for input, as a blocked task shows the same line until it returns. */
    private final Map<String, Boolean> seen = new HashMap<>();
    private final Map<String, FileChannel> files = new HashMap<>();
    /** The task {@link #of} last read, and the line it read: {@link #number} of it needs no read of its own. */
    private String lastTid;
    private String lastLine;

    private KernelWaits(Set<Integer> input, Set<Integer> fileReads) {
        this.input = input;
        this.fileReads = fileReads;
    }

    /** For this machine's system calls, or {@code null} if they are not known here, or cannot be read. */
    static KernelWaits ofThisMachine() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        KernelWaits waits = arch.equals("amd64") || arch.equals("x86_64") ? new KernelWaits(INPUT_X86, FILE_READS_X86)
                : arch.equals("aarch64") ? new KernelWaits(INPUT_GENERIC, FILE_READS_GENERIC) : null;
        try {
            return waits != null && waits.of(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()) != null
                    ? waits : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Where task {@code tid} of this process is, or {@code null} if its system call cannot be read (it ended). */
    Kind of(String tid) {
        String line = syscall(tid);
        lastTid = tid;
        lastLine = line;
        if (line == null) {
            return null;
        }
        if (line.startsWith("running")) {
            return Kind.RUNNING;
        }
        Boolean forInput = seen.get(line);
        if (forInput == null) {
            forInput = forInput(line);
            if (seen.size() >= CACHED) {
                seen.clear();
            }
            seen.put(line, forInput);
        }
        return forInput ? Kind.INPUT : Kind.OTHER;
    }

    /** The number of the system call task {@code tid} is blocked in, or -1 outside one (a page fault); for a diagnosis. */
    int number(String tid) {
        String line = tid.equals(lastTid) ? lastLine : syscall(tid);
        int space = line == null ? -1 : line.indexOf(' ');
        return space < 0 ? -1 : Integer.parseInt(line.substring(0, space));
    }

    /** A line of {@code syscall}: the call's number and arguments in hexadecimal, then the stack and instruction pointers. */
    boolean forInput(String line) {
        String[] fields = line.split(" ");
        int number = Integer.parseInt(fields[0]);
        if (!input.contains(number)) {
            return false; // -1: a page fault
        }
        if (!fileReads.contains(number) || fields.length < 2) {
            return true;
        }
        try { // a read waits for input from a socket, a pipe or a terminal, not from a regular file
            long fd = Long.parseLong(fields[1].substring(2), 16);
            return !Files.readAttributes(Path.of("/proc/self/fd/" + fd), BasicFileAttributes.class).isRegularFile();
        } catch (IOException | RuntimeException e) {
            return true; // closed meanwhile
        }
    }

    /** Reads a task's {@code syscall} from its start, which the kernel answers afresh, on a file kept open. */
    private String syscall(String tid) {
        FileChannel file = files.get(tid);
        try {
            if (file == null) {
                if (files.size() >= CACHED) {
                    files.values().forEach(KernelWaits::close);
                    files.clear();
                }
                file = FileChannel.open(Path.of("/proc/self/task", tid, "syscall"), StandardOpenOption.READ);
                files.put(tid, file);
            }
            buffer.clear();
            int read = file.read(buffer, 0);
            return read <= 0 ? null : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) { // the task ended
            if (file != null) {
                close(files.remove(tid));
            }
            return null;
        }
    }

    private static void close(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            // a read-only file of /proc
        }
    }
}

package dev.proctest.reliability.orphans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds every process of a trial, also one started after any look at the test JVM's tree and one
 * whose parent has exited: each inherits the trial's environment variable ({@link Marks#TRIAL}),
 * which {@code /proc/<pid>/environ} shows. A process that has exited but not yet been reaped (a
 * zombie) has no environment left, and so counts as ended: it runs no code and holds nothing.
 */
final class TrialProcesses {

    private static final Path PROC = Path.of("/proc");

    private final byte[] entry;

    /** @param trial the value of {@link Marks#TRIAL} in the trial's processes */
    TrialProcesses(String trial) {
        this.entry = (Marks.TRIAL + "=" + trial).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the pids of the trial's processes that run now. */
    Set<Long> running() {
        Set<Long> pids = new TreeSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, path -> isPid(path.getFileName().toString()))) {
            for (Path process : processes) {
                if (belongs(process)) {
                    pids.add(Long.valueOf(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + PROC, e);
        }
        return pids;
    }

    /**
     * Waits for a process of the trial whose command line holds {@code fragment}, looking again
     * and again (a process's start gives no event to wait on), at most {@code timeout}.
     */
    Optional<Long> awaitCommandLine(String fragment, Duration timeout) {
        byte[] wanted = fragment.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, path -> isPid(path.getFileName().toString()))) {
                for (Path process : processes) {
                    if (contains(read(process.resolve("cmdline")), wanted) && belongs(process)) {
                        return Optional.of(Long.valueOf(process.getFileName().toString()));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list " + PROC, e);
            }
        }
        return Optional.empty();
    }

    /** Whether process {@code pid} runs and belongs to the trial: looked at again, as its pid may have been reused. */
    boolean belongs(long pid) {
        return belongs(PROC.resolve(Long.toString(pid)));
    }

    /** Returns the command line of each of {@code pids}, by pid, for a failure message. */
    Map<Long, String> commandLines(Set<Long> pids) {
        Map<Long, String> lines = new TreeMap<>();
        for (long pid : pids) {
            lines.put(pid, new String(read(PROC.resolve(Long.toString(pid)).resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ')
                    .strip());
        }
        return lines;
    }

    /** Kills each of {@code pids} that still belongs to the trial. */
    void kill(Set<Long> pids) {
        for (long pid : pids) {
            if (belongs(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private boolean belongs(Path process) {
        byte[] environment = read(process.resolve("environ"));
        for (int start = 0; start < environment.length; start++) {
            if (matchesAt(environment, start)) {
                return true;
            }
            while (start < environment.length && environment[start] != 0) {
                start++;
            }
        }
        return false;
    }

    /** Whether the variable that starts at {@code start} is exactly the trial's entry. */
    private boolean matchesAt(byte[] environment, int start) {
        int end = start + entry.length;
        if (end > environment.length || (end < environment.length && environment[end] != 0)) {
            return false;
        }
        return Arrays.equals(environment, start, end, entry, 0, entry.length);
    }

    /** Returns the file's bytes, none if the process ended meanwhile. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] bytes, byte[] wanted) {
        for (int start = 0; start + wanted.length <= bytes.length; start++) {
            if (Arrays.equals(bytes, start, start + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}

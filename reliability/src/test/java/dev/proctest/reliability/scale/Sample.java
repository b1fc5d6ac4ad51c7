package dev.proctest.reliability.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a test JVM holds at one moment: its heap after a full collection, its live threads, its open
 * file descriptors (of which sockets and pipes) and its child processes, after {@code tests}
 * finished tests. Written and read as one line of a samples file.
 */
record Sample(int tests, long heapKib, int threads, int fds, int sockets, int pipes, long children, long descendants) {

    static final String HEADER = "tests heapKiB threads fds sockets pipes children descendants";

    /** Takes a sample of the running JVM, after a full collection so that only what is reachable counts. */
    static Sample take(int tests) {
        ManagementFactory.getMemoryMXBean().gc();
        ManagementFactory.getMemoryMXBean().gc(); // what the first freed may hold cleaners that the second collects
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        List<String> fds = openFiles();
        int sockets = (int) fds.stream().filter(target -> target.startsWith("socket:")).count();
        int pipes = (int) fds.stream().filter(target -> target.startsWith("pipe:")).count();
        ProcessHandle self = ProcessHandle.current();
        return new Sample(tests, heap, threads, fds.size(), sockets, pipes, self.children().count(), self.descendants().count());
    }

    /** What each of this JVM's file descriptors points at ({@code socket:[123]}, {@code pipe:[456]}, a path). */
    static List<String> openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(Sample::target).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list /proc/self/fd", e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "closed"; // the listing's own descriptor, or one closed since
        }
    }

    String line() {
        return tests + " " + heapKib + " " + threads + " " + fds + " " + sockets + " " + pipes + " " + children + " " + descendants;
    }

    static Sample parse(String line) {
        String[] f = line.strip().split(" ");
        return new Sample(Integer.parseInt(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
    }
}

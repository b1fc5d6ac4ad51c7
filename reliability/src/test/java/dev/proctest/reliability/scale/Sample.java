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
 * finished tests, with {@code running} tests still running. Written and read as one line of a samples file.
 */
record Sample(int tests, int running, long heapKib, int threads, int fds, int sockets, int pipes, long children, long descendants) {

    static final String HEADER = "tests running heapKiB threads fds sockets pipes children descendants";

    /** Takes a sample of the running JVM, after a full collection so that only what is reachable counts. */
    static Sample take(int tests, int running) {
        ManagementFactory.getMemoryMXBean().gc();
        ManagementFactory.getMemoryMXBean().gc(); // what the first freed may hold cleaners that the second collects
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        List<String> fds = openFiles();
        int sockets = (int) fds.stream().filter(target -> target.startsWith("socket:")).count();
        int pipes = (int) fds.stream().filter(target -> target.startsWith("pipe:")).count();
        ProcessHandle self = ProcessHandle.current();
        return new Sample(tests, running, heap, threads, fds.size(), sockets, pipes, self.children().count(), self.descendants().count());
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
        return tests + " " + running + " " + heapKib + " " + threads + " " + fds + " " + sockets + " " + pipes + " " + children + " " + descendants;
    }

    static Sample parse(String line) {
        String[] f = line.strip().split(" ");
        return new Sample(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]));
    }
}

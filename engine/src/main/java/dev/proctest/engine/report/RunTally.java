package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * What the runs writing into one report directory have done so far, for the run's summary line
 * and its index: the children started and ended, and the page of each test that has one. Runs in
 * one JVM that write into different directories (a run started by a test, say) keep apart.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunTally {

    private static final Map<Path, RunTally> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    /**
     * The page of a test, with what its summary says of its children: their names, how many
     * incarnations ran, and for how long in all while the test ran.
     */
    public record Page(Path file, List<String> childNames, int children, long childMillis) {}

    /** Returns the tally of the runs that write into {@code reportsDir}. */
    public static RunTally of(Path reportsDir) {
        return BY_DIRECTORY.computeIfAbsent(reportsDir.toAbsolutePath().normalize(), directory -> new RunTally());
    }

    void started() {
        started.incrementAndGet();
    }

    void ended() {
        ended.incrementAndGet();
    }

    /** Says that the test with {@code uniqueId} has its page at {@code page}. */
    public void page(String uniqueId, Page page) {
        pages.put(uniqueId, page);
    }

    /** Returns the page of the test with {@code uniqueId}, or null; forgets it. */
    Page takePage(String uniqueId) {
        return pages.remove(uniqueId);
    }

    /** Returns how many children started and ended since the last call, and starts counting again. */
    synchronized int[] takeCounts() {
        return new int[] {started.getAndSet(0), ended.getAndSet(0)};
    }
}

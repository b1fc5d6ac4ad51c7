package dev.proctest.benchmarks.zookeeper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the steps of {@link ZooKeeperPartitionTestCase} took, and what it saw besides; {@link ZooKeeperPartitionRunner} prints both. */
final class Steps {

    /** What each test measured, in seconds, by step. */
    static final Map<String, Double> TIMINGS = Collections.synchronizedMap(new LinkedHashMap<>());

    /** What the tests saw that is no timing. */
    static final List<String> NOTES = Collections.synchronizedList(new ArrayList<>());

    private Steps() {}

    /** Records and prints how long {@code step} took since {@code since} ({@link System#nanoTime}). */
    static void time(String step, long since) {
        double seconds = (System.nanoTime() - since) / 1e9;
        TIMINGS.put(step, seconds);
        System.out.printf(Locale.ROOT, "    %-62s %6.2f s%n", step, seconds);
    }

    /** Records and prints something seen. */
    static void note(String what) {
        NOTES.add(what);
        System.out.println("    " + what);
    }
}

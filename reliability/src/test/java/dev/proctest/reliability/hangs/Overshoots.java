package dev.proctest.reliability.hangs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every wait the hangs suite timed: which wait, against which misbehaviour, and by how much it
 * ended after its deadline. The fixtures note here, in the same JVM as {@link HangsTests}, which
 * sums them up.
 */
final class Overshoots {

    /** One timed wait: its overshoot is negative for a wait that rightly ended before its deadline. */
    record Timed(String name, String misbehaviour, long deadlineMillis, long elapsedMillis) {

        long overshootMillis() {
            return elapsedMillis - deadlineMillis;
        }
    }

    /** The worst of one wait's timings, and how many there were. */
    record Worst(String name, int count, Timed worst) {}

    private static final ConcurrentLinkedQueue<Timed> TIMED = new ConcurrentLinkedQueue<>();

    private Overshoots() {}

    static void note(Timed timed) {
        TIMED.add(timed);
    }

    static List<Timed> all() {
        return new ArrayList<>(TIMED);
    }

    static void clear() {
        TIMED.clear();
    }

    /** Per wait, in the order of their names, the timing that overshot most. */
    static List<Worst> worstPerWait() {
        Map<String, List<Timed>> byWait = new TreeMap<>();
        for (Timed timed : TIMED) {
            byWait.computeIfAbsent(timed.name(), wait -> new ArrayList<>()).add(timed);
        }
        List<Worst> worst = new ArrayList<>();
        byWait.forEach((wait, timings) -> worst.add(new Worst(wait, timings.size(),
                timings.stream().max(Comparator.comparingLong(Timed::overshootMillis)).orElseThrow())));
        return worst;
    }
}

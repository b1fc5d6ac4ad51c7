package dev.proctest.engine.pool;

import dev.proctest.engine.launch.JavaLaunch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The launches the pool is to start JVMs for, and when each launch was last used. Only the latest
 * {@code size} wants are kept, as no more JVMs than that can wait: spawns faster than the pool
 * boots leave no backlog, which would grow with every test of a run and start JVMs for launches
 * long unused. Last uses are kept for the launches wanted or waiting only, so that launches used
 * once (a test's own directory or environment) leave nothing behind. Guarded by the pool's lock.
 */
final class Wants {

    private final int size;
    private final Deque<JavaLaunch> wanted = new ArrayDeque<>();
    private final Map<JavaLaunch, Long> lastUsed = new HashMap<>();
    private long uses;

    Wants(int size) {
        this.size = size;
    }

    /** A child of {@code launch} was spawned: it is the launch used last, and one more JVM of it is wanted. */
    void used(JavaLaunch launch, Predicate<JavaLaunch> waiting) {
        lastUsed.put(launch, ++uses);
        want(launch, waiting);
    }

    /** One more JVM of {@code launch} is wanted, in place of the oldest want beyond the pool's size. */
    void want(JavaLaunch launch, Predicate<JavaLaunch> waiting) {
        if (wanted.size() >= size) {
            wanted.poll();
        }
        wanted.add(launch);
        lastUsed.keySet().removeIf(known -> !wanted.contains(known) && !waiting.test(known));
    }

    /** The oldest want, taken; null if there is none. */
    JavaLaunch next() {
        return wanted.poll();
    }

    boolean isEmpty() {
        return wanted.isEmpty();
    }

    void clear() {
        wanted.clear();
    }

    /** When {@code launch} was last used, 0 for never or long ago; later uses are larger. */
    long lastUse(JavaLaunch launch) {
        return lastUsed.getOrDefault(launch, 0L);
    }

    /** How many entries are kept, wants and last uses. */
    int kept() {
        return wanted.size() + lastUsed.size();
    }
}

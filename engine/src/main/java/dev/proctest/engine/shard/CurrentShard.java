package dev.proctest.engine.shard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The setting of each discovery under way on this thread, innermost last: the launcher calls its
 * discovery listeners and then its post-discovery filters on the thread that discovers, and a
 * discovery can run inside another (the suite engine's).
 */
final class CurrentShard {

    private static final ThreadLocal<Deque<ShardSetting>> DISCOVERIES = new ThreadLocal<>();

    private CurrentShard() {}

    static void started(ShardSetting setting) {
        Deque<ShardSetting> discoveries = DISCOVERIES.get();
        if (discoveries == null) {
            discoveries = new ArrayDeque<>();
            DISCOVERIES.set(discoveries);
        }
        discoveries.push(setting);
    }

    static void finished() {
        Deque<ShardSetting> discoveries = DISCOVERIES.get();
        if (discoveries != null) {
            discoveries.poll();
            if (discoveries.isEmpty()) {
                DISCOVERIES.remove();
            }
        }
    }

    /** The innermost discovery's setting, or {@code null} if no discovery listener saw one start. */
    static ShardSetting innermost() {
        Deque<ShardSetting> discoveries = DISCOVERIES.get();
        return discoveries == null ? null : discoveries.peek();
    }
}

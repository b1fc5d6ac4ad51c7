package dev.proctest.engine.coordination;

import dev.proctest.wire.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One barrier of a scope, guarded by its {@link Coordination}: who arrived, as which process, who
 * waits, and how it ended. Its parties are known once the test arrives and names them; until then
 * children that arrive wait for the test. It is passed once, or broken once, for good.
 */
final class Barrier {

    /** A child's thread waiting at the barrier, until it is passed or broken or its own timeout. */
    record Waiter(String child, Consumer<Reply> reply, ScheduledFuture<?>[] timer) {}

    final String name;
    /** The children the test named, null until it arrives. */
    List<String> parties;
    /** The process each child arrived as, by child name: a restarted child arrives again. */
    final Map<String, Object> arrived = new LinkedHashMap<>();
    final List<Waiter> waiting = new ArrayList<>();
    boolean passed;
    String broken;

    Barrier(String name) {
        this.name = name;
    }

    boolean isSettled() {
        return passed || broken != null;
    }

    /** Passes the barrier: every waiting child goes on. */
    void pass() {
        passed = true;
        release(Reply.value(null));
    }

    /** Breaks the barrier for {@code reason}: every waiting child fails with it, and so does every later arrival. */
    void breakFor(String reason) {
        broken = reason;
        release(Reply.failed(reason));
    }

    private void release(Reply reply) {
        for (Waiter waiter : waiting) {
            if (waiter.timer()[0] != null) {
                waiter.timer()[0].cancel(false);
            }
            waiter.reply().accept(reply);
        }
        waiting.clear();
    }

    /** Says who arrived and who is missing: {@code arrived: 'a'; missing: the test, 'b'}. */
    String state(Parties lookup, boolean testArrived) {
        List<String> missing = new ArrayList<>();
        if (!testArrived) {
            missing.add("the test");
        }
        List<String> here = new ArrayList<>();
        if (testArrived) {
            here.add("the test");
        }
        for (Map.Entry<String, Object> arrival : arrived.entrySet()) {
            if (arrival.getValue() == lookup.incarnation(arrival.getKey())) {
                here.add("'" + arrival.getKey() + "'");
            }
        }
        if (parties != null) {
            parties.stream().filter(party -> arrived.get(party) == null || arrived.get(party) != lookup.incarnation(party))
                    .map(party -> "'" + party + "'").forEach(missing::add);
        }
        return "arrived: " + (here.isEmpty() ? "nobody" : String.join(", ", here)) + "; missing: "
                + (missing.isEmpty() ? "nobody" : String.join(", ", missing))
                + (parties == null ? " (and whichever children the test names)" : "");
    }

    /** The one thread that times out the waits of every scope's barriers and mailboxes. */
    static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "proctest-coordination");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}

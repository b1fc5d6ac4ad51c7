package dev.proctest.engine.child;

import dev.proctest.engine.support.Changes;
import dev.proctest.wire.TimeOrigin;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What is known of a child from outside its process: what its runtime said (started, ready,
 * published values, where its time starts, a refusal) and whether its output showed the line its
 * readiness waits for. Every change signals the child's {@link Changes}, so that waits end on the
 * event, not on a poll.
 */
final class ChildStatus {

    private final Changes changes;
    private final Map<String, byte[]> published = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean signalled;
    private final Set<Pattern> loggedPatterns = ConcurrentHashMap.newKeySet();
    private volatile TimeOrigin timeOrigin;
    private volatile String refusal;

    ChildStatus(Changes changes) {
        this.changes = changes;
    }

    Changes changes() {
        return changes;
    }

    void started(TimeOrigin origin) {
        timeOrigin = origin;
        started = true;
        changes.signal();
    }

    void signalledReady() {
        signalled = true;
        changes.signal();
    }

    /** A record matched {@code pattern}, which the child's readiness waits for. */
    void logged(Pattern pattern) {
        if (loggedPatterns.add(pattern)) {
            changes.signal();
        }
    }

    void published(String key, byte[] value) {
        published.put(key, value);
        changes.signal();
    }

    void refused(String reason) {
        refusal = reason;
        changes.signal();
    }

    boolean hasStarted() {
        return started;
    }

    boolean hasSignalled() {
        return signalled;
    }

    boolean hasLogged(Pattern pattern) {
        return loggedPatterns.contains(pattern);
    }

    Optional<byte[]> publishedValue(String key) {
        return Optional.ofNullable(published.get(key));
    }

    /** The child's clock: the test JVM's, or for a child on child time the child's, which starts with its main. */
    Clock clock(String child, boolean childTime) {
        if (!childTime) {
            return Clock.systemDefaultZone();
        }
        TimeOrigin origin = timeOrigin;
        if (origin == null) {
            throw new IllegalStateException("Child '" + child + "' has not started its main yet, and its time starts then: read its clock"
                    + " once it is ready");
        }
        return origin.clock();
    }

    /** Why the hub refused the child, or empty if it did not. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}

package dev.proctest.engine.child;

import dev.proctest.engine.report.ChildEvents;
import dev.proctest.engine.report.RunTally;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.TimeOrigin;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
    /** Where the child's time started, moved by the shifts of its wall clock; written under this object's lock. */
    private volatile TimeOrigin timeOrigin;
    /** How far the test has shifted the child's wall clock; guarded by this object's lock. */
    private long shiftedNanos;
    private volatile String refusal;

    private final ChildEvents events;

    ChildStatus(Changes changes, RunTally tally) {
        this.changes = changes;
        this.events = new ChildEvents(tally);
    }

    /** What happened to the child, for its test's report. */
    ChildEvents events() {
        return events;
    }

    Changes changes() {
        return changes;
    }

    /**
     * Takes where the child's time started, as the child says, and hands its log the origin moved
     * by the shifts made so far: a shift may come before the child starts its {@code main}.
     */
    synchronized void timeFrom(TimeOrigin origin, Consumer<TimeOrigin> log) {
        timeOrigin = origin.shifted(shiftedNanos);
        log.accept(timeOrigin);
    }

    /**
     * Counts a shift of the child's wall clock, which the child has made, and hands its log the
     * shifted origin, under the lock that {@link #timeFrom} takes: the log's last origin is the newest.
     */
    synchronized void shifted(long nanos, Consumer<TimeOrigin> log) {
        shiftedNanos += nanos;
        if (timeOrigin != null) {
            timeOrigin = timeOrigin.shifted(nanos);
            log.accept(timeOrigin);
        }
    }

    void started() {
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

package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How time runs for the system under test in a child: {@code factor} times faster than real time,
 * from {@code startEpochNanos} (or from the real time when {@code main} starts), in the classes of
 * {@code packages} (or in every class but the JDK's and proctest's own runtime).
 *
 * @param startEpochNanos nanoseconds since the epoch, or {@link #REAL_START}
 * @param packages package names; a class in one of them or in a subpackage runs on child time
 */
@API(status = INTERNAL, since = "0.1")
public record TimePlan(double factor, long startEpochNanos, List<String> packages) {

    /** The start time of a child whose time starts at the real time its {@code main} starts. */
    public static final long REAL_START = Long.MIN_VALUE;

    /** Real time: nothing rewritten. */
    public static final TimePlan REAL = new TimePlan(1, REAL_START, List.of());

    public TimePlan {
        packages = List.copyOf(packages);
    }

    /** Whether the child's time differs from real time, so that its classes are rewritten. */
    public boolean rewrites() {
        return factor != 1 || startEpochNanos != REAL_START;
    }
}

package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteCallable;
import org.apiguardian.api.API;

/**
 * What {@code child.clock()} of a child on a virtual clock runs in the child to read it: the test
 * JVM cannot compute a virtual clock from its own, as it does a scaled one. Returns the child's
 * time in nanoseconds since the epoch.
 */
@API(status = INTERNAL, since = "0.4")
public record ClockRead() implements RemoteCallable<Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long call() {
        return ChildTime.epochNanos();
    }
}

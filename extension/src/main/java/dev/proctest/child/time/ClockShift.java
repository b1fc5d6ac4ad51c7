package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteCallable;
import org.apiguardian.api.API;

/**
 * What {@code child.shiftClock(...)} runs in the child: a {@link RemoteCallable} of proctest's own
 * rather than a message of the protocol, so that it travels, waits and fails as {@code child.run}
 * does. Every child has this class, in the extension's jar.
 *
 * @param nanos how far to move the wall clock, forward (positive) or back
 */
@API(status = INTERNAL, since = "0.3")
public record ClockShift(long nanos) implements RemoteCallable<Void> {

    private static final long serialVersionUID = 1L;

    @Override
    public Void call() {
        ChildTime.shift(nanos);
        return null;
    }
}

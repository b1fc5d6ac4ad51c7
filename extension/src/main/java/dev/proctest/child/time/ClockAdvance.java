package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RemoteCallable;
import org.apiguardian.api.API;

/**
 * What {@code child.advanceClock(...)} runs in the child: moves its virtual clock forward, deadline
 * by deadline, and returns once it has and the child is quiet again. Returns {@code null} then, or
 * else why the clock did not get there within {@code timeoutNanos} of real time.
 *
 * @param nanos how far to move the clock, above 0
 * @param timeoutNanos how long the advance may take, in real time
 */
@API(status = INTERNAL, since = "0.4")
public record ClockAdvance(long nanos, long timeoutNanos) implements RemoteCallable<String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String call() throws InterruptedException {
        if (!VirtualClock.started()) {
            throw new IllegalStateException("its main has not started yet, and its clock starts then");
        }
        long from = VirtualClock.elapsed();
        if (VirtualClock.advance(nanos, timeoutNanos)) {
            return null;
        }
        return "moved from " + ClockState.format(from) + " to " + ClockState.format(VirtualClock.elapsed()) + " of the "
                + ClockState.format(from + nanos) + " asked. " + new ClockState().call();
    }
}

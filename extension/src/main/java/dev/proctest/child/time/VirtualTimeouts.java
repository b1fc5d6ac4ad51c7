package dev.proctest.child.time;

import dev.proctest.child.time.VirtualClock.Waiter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The {@code java.util.concurrent} calls with a {@code (long, TimeUnit)} timeout that a clock of
 * the child bounds: scaled to real time under a factor, and on a virtual clock made without a
 * timeout, ended when the clock reaches the deadline. Such a call waits with a timeout of {@link
 * Long#MAX_VALUE} nanoseconds and is ended by an interrupt that it takes back, the way {@link
 * VirtualWaits} ends a timed {@code Object.wait}; it then returns what the JDK's method returns
 * on a timeout. This relies on what the methods promise: a thread interrupted while it waits
 * leaves with an {@link InterruptedException} and the wait undone.
 */
final class VirtualTimeouts {

    private VirtualTimeouts() {}

    /** The call, given the timeout to wait; it throws only what the JDK's method declares. */
    interface Timed<T> {
        T call(long timeout, TimeUnit unit) throws Exception;
    }

    /**
     * Makes {@code call} wait at most {@code timeout} of child time; on a virtual clock, returns
     * {@code timedOut}'s answer (a value or a {@code TimeoutException}) once the clock reaches the
     * deadline first. What the call throws is thrown unchanged.
     */
    static <T> T within(long timeout, TimeUnit unit, Timed<T> call, Callable<T> timedOut) throws InterruptedException {
        try {
            long nanos = unit.toNanos(timeout);
            if (!ChildTime.virtual()) {
                return call.call(ChildTime.realNanos(nanos), TimeUnit.NANOSECONDS);
            }
            if (nanos <= 0 || nanos >= VirtualClock.NEVER - VirtualClock.elapsed()) {
                return call.call(timeout, unit); // no wait at all, or one that no clock reaches: the JDK's own
            }
            Waiter waiter = VirtualClock.register(nanos, true);
            T result;
            try {
                result = call.call(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                if (VirtualClock.finish(waiter)) {
                    return timedOut.call();
                }
                throw e; // the system under test's own interrupt
            } catch (Exception | Error e) {
                takeBack(waiter);
                throw e;
            }
            takeBack(waiter);
            return result;
        } catch (Exception e) {
            throw VirtualTimeouts.<RuntimeException>unchanged(e);
        }
    }

    /** Ends a wait that did not end by the clock's interrupt, clearing the interrupt if the clock sent one meanwhile. */
    private static void takeBack(Waiter waiter) {
        if (VirtualClock.finish(waiter)) {
            Thread.interrupted();
        }
    }

    /** Throws a checked exception that the caller's JDK method declares, without wrapping it. */
    @SuppressWarnings("unchecked")
    private static <X extends Exception> X unchanged(Exception e) throws X {
        throw (X) e;
    }
}

package dev.proctest.engine.process;

import dev.proctest.ChildProcessException;
import dev.proctest.Ready;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits until a child is ready as its {@link Ready} says, or fails saying why it is not. */
final class Readiness {

    /** How often a listening port is looked for: no event announces it. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Readiness() {}

    /**
     * Returns once {@code child} is ready.
     *
     * @throws ChildProcessException if it exits first or is not ready within the readiness's timeout
     *     (else {@code defaultTimeout}); the message shows its output so far
     */
    static void await(RunningChild child, Ready ready, Duration defaultTimeout) {
        Duration timeout = ready.timeout().orElse(defaultTimeout);
        BooleanSupplier isReady = condition(child, ready);
        boolean polled = ready.kind() == Ready.Kind.LISTENING;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!isReady.getAsBoolean()) {
                if (!child.isAlive()) {
                    throw new ChildProcessException(ChildReport.of(child, "exited before it was ready; proctest waited for "
                            + ready));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new ChildProcessException(ChildReport.of(child, "was not ready within " + ChildReport.format(timeout)
                            + "; proctest waited for " + ready));
                }
                child.state().await(() -> isReady.getAsBoolean() || !child.isAlive(),
                        polled ? Math.min(remaining, POLL_NANOS) : remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException(ChildReport.of(child, "was not ready when the wait for " + ready
                    + " was interrupted"), e);
        }
    }

    private static BooleanSupplier condition(RunningChild child, Ready ready) {
        ChildState state = child.state();
        return switch (ready.kind()) {
            case ON_START -> state.plan() == null ? () -> true : state::hasStarted;
            case WHEN_LOGGED -> state::hasLogged;
            case LISTENING -> () -> ListeningSockets.isListening(ready.endpoint().port());
            case WHEN_SIGNALLED -> state::hasSignalled;
            case AFTER_EXIT -> () -> !child.isAlive();
        };
    }
}

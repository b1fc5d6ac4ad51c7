package dev.proctest.engine.process;

import dev.proctest.Ready;
import dev.proctest.engine.config.Durations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits until a child is ready as its {@link Ready} says, or fails saying why it is not. */
final class Readiness {

    /** Why a child is not ready, and in which state it was found so. */
    static final class NotReady extends Exception {

        private static final long serialVersionUID = 1L;

        final transient String state;

        NotReady(String reason, String state) {
            super(reason, null, false, false);
            this.state = state;
        }
    }

    /** How often a listening port is looked for: no event announces it. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private Readiness() {}

    /**
     * Returns once {@code child} is ready.
     *
     * @throws NotReady if it exits first, is not ready within the readiness's timeout (else
     *     {@code defaultTimeout}), or the wait is interrupted
     */
    static void await(RunningChild child, Ready ready, Duration defaultTimeout) throws NotReady {
        Duration timeout = ready.timeout().orElse(defaultTimeout);
        BooleanSupplier isReady = condition(child, ready);
        boolean polled = ready.kind() == Ready.Kind.LISTENING;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!isReady.getAsBoolean()) {
                if (!child.isAlive()) {
                    child.settleLog(); // what it said before it exited may still be on its way
                    if (isReady.getAsBoolean()) {
                        return;
                    }
                    throw new NotReady("exited before it was ready; proctest waited for " + ready, ChildReport.state(child));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new NotReady("was not ready within " + Durations.format(timeout) + "; proctest waited for " + ready,
                            ChildReport.state(child));
                }
                child.state().await(() -> isReady.getAsBoolean() || !child.isAlive(),
                        polled ? Math.min(remaining, POLL_NANOS) : remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("was not ready when the wait for " + ready + " was interrupted", ChildReport.state(child));
        }
        if (ready.kind() == Ready.Kind.AFTER_EXIT) {
            child.settleLog(); // a program that has run: all it wrote is in its log, as after run(...)
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

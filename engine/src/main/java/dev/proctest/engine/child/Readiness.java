package dev.proctest.engine.child;

import dev.proctest.ChildProcessException;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.endpoints.ListeningSockets;
import dev.proctest.engine.report.ChildReport;
import dev.proctest.internal.Api;
import dev.proctest.internal.ReadyCondition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits until a child is ready as its {@link Ready} says, or fails saying why it is not; or, as
 * soon as it throws or logs what fails its test, fails with that.
 */
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
     * Returns once {@code child} is ready; else kills it and fails with what it logged.
     *
     * @param timeout how long to wait: the readiness's own timeout overrides it unless {@code forced}
     * @throws ChildProcessException saying why it is not ready
     */
    static void require(RunningChild child, Ready ready, Duration timeout, boolean forced) {
        try {
            await(child, ready, forced ? timeout : Api.ready(ready).ownTimeout().orElse(timeout));
        } catch (NotReady notReady) {
            child.status().events().add("not ready", notReady.getMessage());
            child.stop(Stop.kill());
            child.settleLog(); // so that the message shows all the child wrote
            throw new ChildProcessException(ChildReport.of(child, notReady.state, notReady.getMessage()));
        }
    }

    private static void await(RunningChild child, Ready ready, Duration timeout) throws NotReady {
        ReadyCondition condition = Api.ready(ready);
        BooleanSupplier isReady = condition(child, condition);
        boolean polled = condition.involves(ReadyCondition.Kind.LISTENING);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!isReady.getAsBoolean()) {
                failOnFault(child); // an exception that may keep it from ever being ready: said at once
                if (child.status().refusal().isPresent()) {
                    throw new NotReady("was refused by the test JVM: " + child.status().refusal().get(), ChildReport.state(child));
                }
                if (!child.isAlive()) {
                    child.settleLog(deadline); // what it said before it exited may still be on its way
                    if (isReady.getAsBoolean()) {
                        return;
                    }
                    failOnFault(child); // the exception that ended its main says more than its exit
                    throw new NotReady("exited before it was ready; proctest waited for " + ready, ChildReport.state(child));
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new NotReady("was not ready within " + Durations.format(timeout) + "; proctest waited for " + ready,
                            ChildReport.state(child));
                }
                long until = System.nanoTime() + (polled ? Math.min(remaining, POLL_NANOS) : remaining);
                child.status().changes().await(() -> isReady.getAsBoolean() || !child.isAlive() || child.status().refusal().isPresent()
                        || child.faults().hasPending(), until);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("was not ready when the wait for " + ready + " was interrupted", ChildReport.state(child));
        }
        if (!child.isAlive()) {
            child.settleLog(deadline); // a program that has run: all it wrote is in its log, as after run(...)
        }
    }

    private static void failOnFault(RunningChild child) {
        if (child.faults().hasPending()) {
            child.faults().report(child).ifPresent(fault -> {
                throw fault;
            });
        }
    }

    private static BooleanSupplier condition(RunningChild child, ReadyCondition ready) {
        ChildStatus status = child.status();
        return switch (ready.kind()) {
            case ON_START -> child.connection() != null ? status::hasStarted : () -> true;
            case WHEN_LOGGED -> () -> status.hasLogged(ready.pattern());
            case LISTENING -> () -> ListeningSockets.isListening(ready.endpoint());
            case WHEN_SIGNALLED -> status::hasSignalled;
            case AFTER_EXIT -> () -> !child.isAlive();
            case ALL -> {
                List<BooleanSupplier> parts = ready.parts().stream().map(part -> condition(child, part)).toList();
                yield () -> parts.stream().allMatch(BooleanSupplier::getAsBoolean);
            }
            case ANY -> {
                List<BooleanSupplier> parts = ready.parts().stream().map(part -> condition(child, part)).toList();
                yield () -> parts.stream().anyMatch(BooleanSupplier::getAsBoolean);
            }
        };
    }
}

package dev.proctest.engine.execution;

import dev.proctest.engine.injection.ParameterResolvers;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.junit.platform.engine.support.hierarchical.ThrowableCollector;

/** What every node of one run shares: the request, the invoker and the failure collectors. */
public final class ProcTestExecutionContext implements EngineExecutionContext, AutoCloseable {

    private final ExecutionRequest request;
    private final ThrowableCollector.Factory throwableCollectors;
    private final Timeouts timeouts = new Timeouts();
    private final Invoker invoker;

    public ProcTestExecutionContext(
            ExecutionRequest request, ThrowableCollector.Factory throwableCollectors, ParameterResolvers resolvers) {
        this.request = request;
        this.throwableCollectors = throwableCollectors;
        this.invoker = new Invoker(resolvers, timeouts);
    }

    public ExecutionRequest request() {
        return request;
    }

    public Invoker invoker() {
        return invoker;
    }

    /**
     * Returns a new collector that keeps the first failure and adds later ones as suppressed, and
     * tells aborted from failed as the platform does.
     */
    public ThrowableCollector newThrowableCollector() {
        return throwableCollectors.create();
    }

    @Override
    public void close() {
        timeouts.close();
    }
}

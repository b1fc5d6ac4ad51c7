package dev.proctest.engine.execution;

import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.injection.ParameterResolvers;
import dev.proctest.engine.process.Supervisor;
import dev.proctest.engine.scope.Scope;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.junit.platform.engine.support.hierarchical.ThrowableCollector;

/**
 * What the nodes of one run share: the request, the configuration, the invoker and the failure
 * collectors, the run's supervisor of child processes, and below a class, the class's scope.
 */
public final class ProcTestExecutionContext implements EngineExecutionContext, AutoCloseable {

    private final Run run;
    private final Scope classScope;

    /** What exists once per run, whichever node's copy of the context holds it. */
    private static final class Run {
        final ExecutionRequest request;
        final ThrowableCollector.Factory throwableCollectors;
        final Configuration configuration;
        final Timeouts timeouts = new Timeouts();
        final Invoker invoker;
        private Supervisor supervisor;

        Run(ExecutionRequest request, ThrowableCollector.Factory throwableCollectors, ParameterResolvers resolvers) {
            this.request = request;
            this.throwableCollectors = throwableCollectors;
            this.configuration = Configuration.from(request.getConfigurationParameters());
            this.invoker = new Invoker(resolvers, timeouts);
        }

        /** Starts no thread, process or socket before a test spawns its first child. */
        synchronized Supervisor supervisor() {
            if (supervisor == null) {
                supervisor = new Supervisor(configuration);
            }
            return supervisor;
        }

        synchronized void close() {
            timeouts.close();
            if (supervisor != null) {
                supervisor.close();
            }
        }
    }

    public ProcTestExecutionContext(
            ExecutionRequest request, ThrowableCollector.Factory throwableCollectors, ParameterResolvers resolvers) {
        this(new Run(request, throwableCollectors, resolvers), null);
    }

    private ProcTestExecutionContext(Run run, Scope classScope) {
        this.run = run;
        this.classScope = classScope;
    }

    public ExecutionRequest request() {
        return run.request;
    }

    public Invoker invoker() {
        return run.invoker;
    }

    /**
     * Returns a new collector that keeps the first failure and adds later ones as suppressed, and
     * tells aborted from failed as the platform does.
     */
    public ThrowableCollector newThrowableCollector() {
        return run.throwableCollectors.create();
    }

    /** Returns this context below a class, with the class's scope. */
    public ProcTestExecutionContext withClassScope(Class<?> testClass, TestDescriptor descriptor) {
        return new ProcTestExecutionContext(run, newScope(testClass, logDirectory(testClass), "test class", null, descriptor));
    }

    /** Returns the scope of the class this context is below. */
    public Scope classScope() {
        return classScope;
    }

    /** Returns a new scope for one run of {@code testMethod}, below its class's scope. */
    public Scope newTestScope(Class<?> testClass, Method testMethod, TestDescriptor descriptor) {
        return newScope(testClass, logDirectory(testClass).resolve(testMethod.getName()), "test", classScope, descriptor);
    }

    @Override
    public void close() {
        run.close();
    }

    private Scope newScope(Class<?> testClass, Path logDirectory, String name, Scope parent, TestDescriptor descriptor) {
        EngineExecutionListener listener = run.request.getEngineExecutionListener();
        return new Scope(run::supervisor, run.configuration, logDirectory, testClass, name, parent, (child, log) -> {
            listener.reportingEntryPublished(descriptor, ReportEntry.from("proctest.log." + child, log.toString()));
            listener.fileEntryPublished(descriptor, FileEntry.from(log, "text/plain"));
        });
    }

    private Path logDirectory(Class<?> testClass) {
        return run.configuration.reportsDir().resolve(testClass.getName());
    }
}

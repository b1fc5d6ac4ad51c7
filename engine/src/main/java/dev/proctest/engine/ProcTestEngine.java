package dev.proctest.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.descriptor.ProcTestEngineDescriptor;
import dev.proctest.engine.discovery.DiscoverySelectorResolver;
import dev.proctest.engine.execution.ParallelExecution;
import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.injection.ParameterResolvers;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/**
 * The proctest {@link org.junit.platform.engine.TestEngine}: runs {@code @ProcessTest} and
 * {@code @SystemTest} methods.
 *
 * <p>Registered through {@code META-INF/services}; build tools and IDEs find it on the test class
 * path.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ProcTestEngine extends HierarchicalTestEngine<ProcTestExecutionContext> {

    /** The engine id, as in {@code [engine:proctest]} and {@code --include-engine=proctest}. */
    public static final String ENGINE_ID = "proctest";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.proctest");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("proctest-engine");
    }

    /** Resolves the request's selectors into descriptors; starts no thread, process or socket. */
    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        ProcTestEngineDescriptor engineDescriptor = new ProcTestEngineDescriptor(uniqueId);
        DiscoverySelectorResolver.resolve(request, engineDescriptor);
        return engineDescriptor;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        return ParallelExecution.executorService(request.getConfigurationParameters())
                .orElseGet(() -> super.createExecutorService(request));
    }

    @Override
    protected ProcTestExecutionContext createExecutionContext(ExecutionRequest request) {
        return new ProcTestExecutionContext(
                request, createThrowableCollectorFactory(request), ParameterResolvers.standard());
    }
}
